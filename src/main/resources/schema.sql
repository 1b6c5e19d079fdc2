-- Each node's own database. Nothing here is unique by username alone: without consensus two
-- nodes can accept the same name, and replication must be able to store both records.
CREATE TABLE IF NOT EXISTS account (
	id            VARCHAR(36)  PRIMARY KEY,
	username      VARCHAR(39)  NOT NULL,
	username_key  VARCHAR(39)  NOT NULL,
	email         VARCHAR(254) NOT NULL,
	password_hash VARCHAR(100) NOT NULL,
	display_name  VARCHAR(100),
	bio           VARCHAR(160),
	origin_node   VARCHAR(32)  NOT NULL,
	created_at    TIMESTAMP(9) WITH TIME ZONE NOT NULL,
	updated_at    TIMESTAMP(9) WITH TIME ZONE NOT NULL,
	revision      BIGINT       NOT NULL,
	last_writer   VARCHAR(32)  NOT NULL
);

-- Bumped by signing out and by a new password: a sign-in cookie made for an older value is void.
-- Added after the first release, so databases made before it gain the column here.
ALTER TABLE account ADD COLUMN IF NOT EXISTS sign_in_version BIGINT DEFAULT 0 NOT NULL;

-- A node never accepts one name twice itself; copies from other nodes have other origins.
CREATE UNIQUE INDEX IF NOT EXISTS account_name_per_origin ON account (username_key, origin_node);

CREATE TABLE IF NOT EXISTS avatar (
	account_id   VARCHAR(36) PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
	content_type VARCHAR(32) NOT NULL,
	bytes        BLOB        NOT NULL
);

CREATE TABLE IF NOT EXISTS repo (
	account_id  VARCHAR(36)  NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	name        VARCHAR(100) NOT NULL,
	description VARCHAR(350),
	readme      CLOB,
	created_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
	updated_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
	PRIMARY KEY (account_id, name)
);

-- Added with the consensus properties: where each copy came from, and whether reconciliation
-- put it aside without its name.
ALTER TABLE account ADD COLUMN IF NOT EXISTS lineage VARCHAR(1200);
ALTER TABLE account ADD COLUMN IF NOT EXISTS released BOOLEAN DEFAULT FALSE NOT NULL;

-- What a node keeps about itself across restarts, such as the consensus mode last switched to.
CREATE TABLE IF NOT EXISTS node_setting (
	name          VARCHAR(64)  PRIMARY KEY,
	setting_value VARCHAR(256) NOT NULL
);
