"""Applications over the library: the CLI, the review site, the benchmark."""
