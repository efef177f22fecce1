"""`emgov bench --scale district|city|province`: a synthetic data set built from a seed, and the report
figures, pages, imports and exports timed over it next to hand-written SQL computing the same values.

- `scales`: the sizes (how many districts, how many records per district);
- `tables`: the raw inserter (COPY on PostgreSQL, executemany on SQLite) the builder writes through;
- `synthetic`: the data set, one district at a time, each from its own seed;
- `bounds`: the hand-written SQL of the figures, to compare against;
- `runners`: the timings; `output`: the table and the JSON.
"""
