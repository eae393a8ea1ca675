"""Reading text: bytes to source text (decoding, HTML), normalisation with its offset map,
segmentation into a spaCy ``Doc``, Vietnamese numbers and word scanning."""
