"""The food database: tables, batched upserts, seeding of the built-in foods and the searchable catalog."""
