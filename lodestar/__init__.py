"""Lodestar: an open platform that runs an alliance's defence-innovation pipeline."""
