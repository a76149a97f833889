-- PostgreSQL's 0018 compresses large values with lz4 instead of pglz and leaves room in the
-- outbox's pages for the claim's row versions. SQLite compresses nothing and updates a row in
-- place: nothing to change here (the two folders keep the same versions).
SELECT 1;
