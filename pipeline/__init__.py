"""vnie: Vietnamese news information extraction with grounded offsets."""

__version__ = "0.1.0"
SCHEMA_VERSION = "1.1"
