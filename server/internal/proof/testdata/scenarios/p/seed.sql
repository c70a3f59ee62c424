INSERT INTO accounts (id, email) VALUES (1, 'a@example.com'), (2, 'b@example.com'), (3, 'a@example.com');
