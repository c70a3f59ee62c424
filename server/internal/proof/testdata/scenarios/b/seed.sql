INSERT INTO orders (id, item) VALUES (1, 'tea'), (2, 'coffee'), (3, 'cocoa');
