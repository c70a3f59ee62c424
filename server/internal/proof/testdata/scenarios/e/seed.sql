INSERT INTO users (id, email) VALUES (1, 'ada@example.com'), (2, NULL), (3, 'grace@example.com'), (4, NULL);
