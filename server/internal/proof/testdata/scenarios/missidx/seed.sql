INSERT INTO customers (id, name) VALUES (1, 'Ada'), (2, 'Grace');
