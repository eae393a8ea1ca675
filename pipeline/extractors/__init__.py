"""One extractor per label; each module's ``component(ctx, mentions) -> mentions`` runs in
the order of :data:`pipeline.api.COMPONENTS`."""
