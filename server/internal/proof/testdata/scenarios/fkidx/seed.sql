INSERT INTO teams (id) VALUES (1), (2);
INSERT INTO customers (id, name, team_id) VALUES (1, 'Ada', 1), (2, 'Grace', 2);
