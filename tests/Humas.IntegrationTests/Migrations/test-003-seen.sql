CREATE TABLE seen (what text NOT NULL, applied int NOT NULL)
