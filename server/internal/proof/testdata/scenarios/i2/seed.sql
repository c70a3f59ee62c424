INSERT INTO posts (id, tags) VALUES (1, '{1,2}'), (2, '{30}'), (3, NULL);
