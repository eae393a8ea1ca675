"""Many articles: inputs, batch runs, tables and durable writes."""
