"""The article record: assembly (source offsets), JSON Schema and validation."""
