"""Relations over located mentions; each module's ``link(ctx, located) -> Links`` runs in
the order of :data:`pipeline.api.LINKERS`."""
