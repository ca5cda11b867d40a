"""The Arabic right-to-left web UI: server-rendered pages over the store (installed by :func:`marsad.api.create_app`)."""
