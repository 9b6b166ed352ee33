CREATE TABLE effects (what text NOT NULL)
