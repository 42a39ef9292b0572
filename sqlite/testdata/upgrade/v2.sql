-- Upgrade fixture: a database at schema version 2, written through the API
-- by chime at commit e5121508fc0c316a5dbad5b03cc6b5c2bb43c202.
-- Regenerate, do not edit: go run ./internal/schemafixture/generate -version 2 -commit e5121508fc0c
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY);
INSERT INTO schema_migrations VALUES(1);
INSERT INTO schema_migrations VALUES(2);
CREATE TABLE accounts (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		aws_account_id TEXT NOT NULL,
		id TEXT NOT NULL,
		name TEXT NOT NULL,
		account_type TEXT NOT NULL,
		created_at INTEGER NOT NULL,
		default_license TEXT NOT NULL,
		supported_licenses TEXT NOT NULL,
		status TEXT NOT NULL,
		signin_delegate_groups TEXT NOT NULL,
		disable_remote_control INTEGER NOT NULL DEFAULT 0,
		enable_dial_out INTEGER NOT NULL DEFAULT 0,
		UNIQUE (aws_account_id, id)
	);
INSERT INTO accounts VALUES(1,'111122223333','28027086-e631-4ab6-b481-950457d279ac','Team Alpha Renamed','Team',1796011642436,'Basic','Basic,Pro','Active','[]',1,0);
INSERT INTO accounts VALUES(2,'111122223333','eb6bf6d4-2de1-4255-a12f-5ae6bb9b3db2','LWA Corp','EnterpriseLWA',1796011642443,'Pro','Basic,Pro','Active','[]',0,0);
INSERT INTO accounts VALUES(3,'111122223333','b6632616-011e-4feb-b371-eebaa784b58b','Directory Corp','EnterpriseDirectory',1796011642452,'Pro','Basic,Pro','Active','["engineering","support"]',0,1);
INSERT INTO accounts VALUES(4,'111122223333','1fce704c-d91d-4045-888b-c7f9adde9a21','OIDC Corp','EnterpriseOIDC',1796011642460,'Pro','Basic,Pro','Active','["oidc-users"]',0,0);
INSERT INTO accounts VALUES(5,'111122223333','a1eb09ac-fbda-44f4-864e-d3d30a2526ab','Suspended Corp','EnterpriseDirectory',1796011642461,'Pro','Basic,Pro','Suspended','[]',0,0);
INSERT INTO accounts VALUES(6,'444455556666','27090620-a608-4b67-922a-7b2f4384fd38','Beta Team','Team',1796011642464,'Pro','Basic,Pro','Active','[]',0,0);
CREATE TABLE users (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		aws_account_id TEXT NOT NULL,
		account_id TEXT NOT NULL,
		id TEXT NOT NULL,
		email TEXT NOT NULL,
		email_key TEXT NOT NULL,
		username TEXT NOT NULL DEFAULT '',
		display_name TEXT NOT NULL DEFAULT '',
		phone_number TEXT NOT NULL DEFAULT '',
		license TEXT NOT NULL,
		user_type TEXT NOT NULL,
		registration TEXT NOT NULL,
		invitation TEXT NOT NULL DEFAULT '',
		registered_on INTEGER,
		invited_on INTEGER,
		a4b_enabled INTEGER NOT NULL DEFAULT 0,
		a4b_room_arn TEXT NOT NULL DEFAULT '',
		personal_pin TEXT NOT NULL DEFAULT '',
		inbound_calling INTEGER NOT NULL DEFAULT 0,
		outbound_calling INTEGER NOT NULL DEFAULT 0,
		sms INTEGER NOT NULL DEFAULT 0,
		last_logout_at INTEGER,
		UNIQUE (aws_account_id, account_id, id),
		UNIQUE (aws_account_id, email_key)
	);
INSERT INTO users VALUES(1,'111122223333','28027086-e631-4ab6-b481-950457d279ac','8091750e-7cc4-4ce4-9488-584acbfb9f72','ann@team.example.com','ann@team.example.com','','','','Basic','PrivateUser','Unregistered','Pending',NULL,1796011642439,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(3,'111122223333','28027086-e631-4ab6-b481-950457d279ac','ab615732-2ab4-4593-b1bf-190c1c186d4c','cat@team.example.com','cat@team.example.com','','','','Basic','PrivateUser','Unregistered','Pending',NULL,1796011642439,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(4,'111122223333','28027086-e631-4ab6-b481-950457d279ac','bfbb249a-44ec-4bce-a561-f053a353074f','lobby@team.example.com','lobby@team.example.com','','','','Basic','SharedDevice','Unregistered','Pending',NULL,1796011642440,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(5,'111122223333','eb6bf6d4-2de1-4255-a12f-5ae6bb9b3db2','d8428a73-9cf4-4684-8997-665f2724647e','alice@lwa.example.com','alice@lwa.example.com','Alice Example','Alice Example','','Basic','PrivateUser','Registered','',1796011642443,NULL,0,'','2507160629',1,1,0,NULL);
INSERT INTO users VALUES(6,'111122223333','eb6bf6d4-2de1-4255-a12f-5ae6bb9b3db2','9b2bd4df-65ea-4f21-9ee8-0c97aa257cf2','Bob@LWA.example.com','bob@lwa.example.com','','Bob','','Pro','PrivateUser','Registered','',1796011642444,NULL,0,'','4815416924',0,0,0,1796011642450);
INSERT INTO users VALUES(7,'111122223333','eb6bf6d4-2de1-4255-a12f-5ae6bb9b3db2','94da8128-df8b-40df-9c95-c5f01dcc1129','boardroom@lwa.example.com','boardroom@lwa.example.com','','Room Device','','Pro','SharedDevice','Registered','',1796011642445,NULL,1,'arn:aws:a4b:us-east-1:111122223333:room/boardroom','',0,0,0,NULL);
INSERT INTO users VALUES(8,'111122223333','eb6bf6d4-2de1-4255-a12f-5ae6bb9b3db2','2ddda09e-8d50-47af-b68d-f98445c9cf11','carol@lwa.example.com','carol@lwa.example.com','Carol','Carol','','Pro','PrivateUser','Suspended','',1796011642446,NULL,0,'','5673586156',0,0,0,NULL);
INSERT INTO users VALUES(9,'111122223333','eb6bf6d4-2de1-4255-a12f-5ae6bb9b3db2','4656bd39-4cfe-41ac-9150-3b1bb3e73f99','dave@lwa.example.com','dave@lwa.example.com','Dave','Dave','','Pro','PrivateUser','Registered','',1796011642446,NULL,0,'','9440300989',0,0,0,NULL);
INSERT INTO users VALUES(10,'111122223333','b6632616-011e-4feb-b371-eebaa784b58b','1e9c17e4-5ab6-4f39-9cb4-2e52b4e84e9b','erin@directory.example.com','erin@directory.example.com','Erin','Erin','','Pro','PrivateUser','Registered','',1796011642455,NULL,0,'','5241062855',0,0,0,NULL);
INSERT INTO users VALUES(11,'111122223333','b6632616-011e-4feb-b371-eebaa784b58b','2b20f5c2-8f5f-41f1-97cf-6abde0f18ae3','frank@directory.example.com','frank@directory.example.com','Frank','Frank','','Pro','PrivateUser','Registered','',1796011642456,NULL,0,'','4674598832',0,0,0,NULL);
INSERT INTO users VALUES(12,'111122223333','b6632616-011e-4feb-b371-eebaa784b58b','ce1b0cee-d001-4592-99e1-a45ac173d50a','hall@directory.example.com','hall@directory.example.com','','Room Device','','Pro','SharedDevice','Registered','',1796011642457,NULL,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(13,'111122223333','b6632616-011e-4feb-b371-eebaa784b58b','d6a9905a-bf3f-4655-a54e-0108904458cc','Jane.Doe@directory.example.com','jane.doe@directory.example.com','Jane','Jane','','Pro','PrivateUser','Registered','',1796011642457,NULL,0,'','2245582856',0,0,0,NULL);
INSERT INTO users VALUES(14,'111122223333','b6632616-011e-4feb-b371-eebaa784b58b','d7ecc79e-a08b-493b-93be-5cc3298fbf18','ｊａｎｅ.doe@directory.example.com','ｊａｎｅ.doe@directory.example.com','Jane Lookalike','Jane Lookalike','','Pro','PrivateUser','Registered','',1796011642458,NULL,0,'','6125590518',0,0,0,NULL);
INSERT INTO users VALUES(15,'111122223333','b6632616-011e-4feb-b371-eebaa784b58b','345ee2cd-7dcd-4110-a42a-d5c842935163','Ｇｒａｃｅ@directory.example.com','ｇｒａｃｅ@directory.example.com','Grace','Grace','','Pro','PrivateUser','Registered','',1796011642459,NULL,0,'','7515731854',0,0,0,NULL);
INSERT INTO users VALUES(16,'111122223333','1fce704c-d91d-4045-888b-c7f9adde9a21','686c9ab3-7903-4f51-b78c-33a071c0ca12','olga@oidc.example.com','olga@oidc.example.com','Olga','Olga','','Pro','PrivateUser','Registered','',1796011642461,NULL,0,'','3080874959',0,0,0,NULL);
INSERT INTO users VALUES(17,'111122223333','a1eb09ac-fbda-44f4-864e-d3d30a2526ab','60de84d8-4dfa-4aac-beb1-e12557b57b23','sam@suspended.example.com','sam@suspended.example.com','Sam','Sam','','Pro','PrivateUser','Registered','',1796011642462,NULL,0,'','8512502017',0,0,0,NULL);
INSERT INTO users VALUES(18,'444455556666','27090620-a608-4b67-922a-7b2f4384fd38','b6c51f8e-4615-44c9-9371-a5a4b02265c4','alice@lwa.example.com','alice@lwa.example.com','','','','Pro','PrivateUser','Unregistered','Pending',NULL,1796011642464,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(19,'444455556666','27090620-a608-4b67-922a-7b2f4384fd38','85b2a371-2b52-4a01-99c5-08ec198e0461','zed@beta.example.com','zed@beta.example.com','','','','Pro','PrivateUser','Unregistered','Pending',NULL,1796011642464,0,'','',0,0,0,NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES('secret:pagination','544da855e14795e6d2aa1648412cb24b413c962b4c399f75eceb09f5f08183d1');
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('accounts',6);
INSERT INTO sqlite_sequence VALUES('users',19);
CREATE INDEX users_by_account ON users (aws_account_id, account_id, seq);
COMMIT;
