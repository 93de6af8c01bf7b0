"""The accelerator's pages, one module per meaning: the network and its bookings (bookings.py), cohorts
and their board (cohorts.py), the road to adoption and demo days (adoption.py)."""
