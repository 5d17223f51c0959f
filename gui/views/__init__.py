"""Reusable views shared by the labs (surface, contour, step-through controls)."""
