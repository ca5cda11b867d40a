"""The bundled demo corpus: original Arabic news articles written for marsad."""
