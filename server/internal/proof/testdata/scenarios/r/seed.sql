INSERT INTO orders (id, status) VALUES (1, 'pending'), (2, 'archived'), (3, 'shipped');
