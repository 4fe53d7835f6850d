"""Pydantic models of every workspace file and of the frameworks."""
