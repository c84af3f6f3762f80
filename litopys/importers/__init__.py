"""Importers: annotation tools' files back into the store (``litopys import``)."""
