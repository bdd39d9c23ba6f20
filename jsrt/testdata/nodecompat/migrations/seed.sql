INSERT INTO tags (name) VALUES ('a');
