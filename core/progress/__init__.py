"""Progress numbers: weeks, day results, weekly stats, weight trend, BMI, goal date and tips (pure)."""
