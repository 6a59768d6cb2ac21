-- fazhi warehouse, schema version 10: named users and their sessions.
-- They live in a schema of their own, auth: researchers' SQL reads only the
-- main schema (warehouse/sqlbox refuses any other by name), exports list
-- their tables by name, and /sql lists main only, so password hashes and
-- session tokens never reach a researcher although they are in the file.
CREATE SCHEMA auth;
CREATE TABLE auth.users (
    name          VARCHAR PRIMARY KEY,
    role          VARCHAR NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
    password_hash VARCHAR NOT NULL,
    disabled      BOOLEAN NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    changed_at    TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE auth.users IS 'People who log in to the workbench: viewer (查看) reads, analyst (分析) corrects, admin (管理) uploads, retires reports and manages users. Never deleted: disabled instead.';
COMMENT ON COLUMN auth.users.name IS 'Login name; it is the author of the corrections the user makes.';
COMMENT ON COLUMN auth.users.role IS 'viewer, analyst or admin.';
COMMENT ON COLUMN auth.users.password_hash IS 'bcrypt hash of the password.';
COMMENT ON COLUMN auth.users.disabled IS 'A disabled user cannot log in, and their sessions end.';
COMMENT ON COLUMN auth.users.created_at IS 'When the user was added.';
COMMENT ON COLUMN auth.users.changed_at IS 'When the password, role or state last changed; sessions begun before it end.';

CREATE TABLE auth.sessions (
    token_hash VARCHAR PRIMARY KEY,
    user_name  VARCHAR NOT NULL,
    csrf       VARCHAR NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE auth.sessions IS 'Logged-in browsers: the SHA-256 of the session cookie (never the cookie itself), whose session it is, the form token of its forms, and when it ends.';
COMMENT ON COLUMN auth.sessions.token_hash IS 'Hex SHA-256 of the cookie value.';
COMMENT ON COLUMN auth.sessions.user_name IS 'The user (auth.users.name).';
COMMENT ON COLUMN auth.sessions.csrf IS 'The token every form that writes must send back.';
COMMENT ON COLUMN auth.sessions.created_at IS 'When the user logged in.';
COMMENT ON COLUMN auth.sessions.expires_at IS 'When the session ends.';
