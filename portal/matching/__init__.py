"""Recommendation 9: matching parties' development needs with providers' resources."""
