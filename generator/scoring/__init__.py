"""The scoring wing: answers to results (scoring), results compared (compare) and a cohort's
summary (cohort). Imports the format wing only."""
