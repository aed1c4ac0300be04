"""Exercise: the activity table (Compendium MET values), reading "I ran 5 km", and the kcal it burns."""
