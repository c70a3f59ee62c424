INSERT INTO events (id, kind) SELECT g, 'kind-' || (g % 7) FROM generate_series(1, 500) AS g;
