-- PostgreSQL's 0018 has its large values compressed with lz4 instead of pglz. SQLite does not
-- compress what it stores: nothing to change here (the two folders keep the same versions).
SELECT 1;
