INSERT INTO tickets (id, priority) VALUES (1, '3'), (2, DEFAULT);
