"""The checks behind ``sendreview validate``, one module per layer; ``run`` drives them."""
