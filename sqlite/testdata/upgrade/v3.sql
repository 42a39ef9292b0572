-- Upgrade fixture: a database at schema version 3, written through the API
-- by chime at commit b8cd2cade4d0e3845e7f72c0b5a901681f64b496.
-- Regenerate, do not edit: go run ./internal/schemafixture/generate -version 3 -commit b8cd2cade4d0
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY);
INSERT INTO schema_migrations VALUES(1);
INSERT INTO schema_migrations VALUES(2);
INSERT INTO schema_migrations VALUES(3);
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
INSERT INTO accounts VALUES(1,'111122223333','87804367-aff3-4efb-aee1-954391fdcfaa','Team Alpha Renamed','Team',1796011645722,'Basic','Basic,Pro','Active','[]',1,0);
INSERT INTO accounts VALUES(2,'111122223333','82dedca4-f4a8-495c-b864-612b1400ae2e','LWA Corp','EnterpriseLWA',1796011645730,'Pro','Basic,Pro','Active','[]',0,0);
INSERT INTO accounts VALUES(3,'111122223333','984ed754-9198-4747-a89b-9ba5f261987c','Directory Corp','EnterpriseDirectory',1796011645741,'Pro','Basic,Pro','Active','["engineering","support"]',0,1);
INSERT INTO accounts VALUES(4,'111122223333','a2511b02-5f53-4725-8d04-9df18607069a','OIDC Corp','EnterpriseOIDC',1796011645746,'Pro','Basic,Pro','Active','["oidc-users"]',0,0);
INSERT INTO accounts VALUES(5,'111122223333','cbc259e0-116a-4a9a-8364-dfc15a3905ad','Suspended Corp','EnterpriseDirectory',1796011645749,'Pro','Basic,Pro','Suspended','[]',0,0);
INSERT INTO accounts VALUES(6,'444455556666','2649e69c-8427-467e-bd90-edb49860ff2b','Beta Team','Team',1796011645752,'Pro','Basic,Pro','Active','[]',0,0);
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
INSERT INTO users VALUES(1,'111122223333','87804367-aff3-4efb-aee1-954391fdcfaa','8f346154-8779-4744-9009-b698db387479','ann@team.example.com','ann@team.example.com','','','','Basic','PrivateUser','Unregistered','Pending',NULL,1796011645725,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(3,'111122223333','87804367-aff3-4efb-aee1-954391fdcfaa','3f7a9725-cd61-4eba-b20e-098215f52803','cat@team.example.com','cat@team.example.com','','','','Basic','PrivateUser','Unregistered','Pending',NULL,1796011645725,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(4,'111122223333','87804367-aff3-4efb-aee1-954391fdcfaa','ad7f11f3-6cc7-48fc-a956-514542fbccf2','lobby@team.example.com','lobby@team.example.com','','','','Basic','SharedDevice','Unregistered','Pending',NULL,1796011645727,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(5,'111122223333','82dedca4-f4a8-495c-b864-612b1400ae2e','b36827af-0641-4cb7-afa1-07322c93a565','alice@lwa.example.com','alice@lwa.example.com','Alice Example','Alice Example','','Basic','PrivateUser','Registered','',1796011645730,NULL,0,'','3135203618',1,1,0,NULL);
INSERT INTO users VALUES(6,'111122223333','82dedca4-f4a8-495c-b864-612b1400ae2e','f49c7350-3791-4332-9984-819bd82cb486','Bob@LWA.example.com','bob@lwa.example.com','','Bob','','Pro','PrivateUser','Registered','',1796011645731,NULL,0,'','6880204989',0,0,0,1796011645738);
INSERT INTO users VALUES(7,'111122223333','82dedca4-f4a8-495c-b864-612b1400ae2e','3106b467-c10c-48ed-a3cb-5c0eafab25a4','boardroom@lwa.example.com','boardroom@lwa.example.com','','Room Device','','Pro','SharedDevice','Registered','',1796011645732,NULL,1,'arn:aws:a4b:us-east-1:111122223333:room/boardroom','',0,0,0,NULL);
INSERT INTO users VALUES(8,'111122223333','82dedca4-f4a8-495c-b864-612b1400ae2e','f0105921-3ead-4778-9695-957b03298f50','carol@lwa.example.com','carol@lwa.example.com','Carol','Carol','','Pro','PrivateUser','Suspended','',1796011645733,NULL,0,'','5011473153',0,0,0,NULL);
INSERT INTO users VALUES(9,'111122223333','82dedca4-f4a8-495c-b864-612b1400ae2e','428fde49-5aa5-4eb4-b426-25fee1dc62b7','dave@lwa.example.com','dave@lwa.example.com','Dave','Dave','','Pro','PrivateUser','Registered','',1796011645733,NULL,0,'','2370935308',0,0,0,NULL);
INSERT INTO users VALUES(10,'111122223333','984ed754-9198-4747-a89b-9ba5f261987c','658d6555-ac03-46a9-a719-273ac3de7a66','erin@directory.example.com','erin@directory.example.com','Erin','Erin','','Pro','PrivateUser','Registered','',1796011645744,NULL,0,'','6586069820',0,0,0,NULL);
INSERT INTO users VALUES(11,'111122223333','984ed754-9198-4747-a89b-9ba5f261987c','c672ccd3-1ae8-4f7d-a3bd-58783f718dd0','frank@directory.example.com','frank@directory.example.com','Frank','Frank','','Pro','PrivateUser','Registered','',1796011645745,NULL,0,'','0515839547',0,0,0,NULL);
INSERT INTO users VALUES(12,'111122223333','984ed754-9198-4747-a89b-9ba5f261987c','fbdd251c-1f01-4df6-b257-ff1692490c9f','hall@directory.example.com','hall@directory.example.com','','Room Device','','Pro','SharedDevice','Registered','',1796011645745,NULL,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(13,'111122223333','a2511b02-5f53-4725-8d04-9df18607069a','f6519f41-3245-4cae-a517-9849872e5bf8','olga@oidc.example.com','olga@oidc.example.com','Olga','Olga','','Pro','PrivateUser','Registered','',1796011645748,NULL,0,'','1825826182',0,0,0,NULL);
INSERT INTO users VALUES(14,'111122223333','cbc259e0-116a-4a9a-8364-dfc15a3905ad','544dfea5-2667-436f-a72a-663169d68d37','sam@suspended.example.com','sam@suspended.example.com','Sam','Sam','','Pro','PrivateUser','Registered','',1796011645750,NULL,0,'','0968513555',0,0,0,NULL);
INSERT INTO users VALUES(15,'444455556666','2649e69c-8427-467e-bd90-edb49860ff2b','12284f63-1403-4dab-aa5b-52685e4f741a','alice@lwa.example.com','alice@lwa.example.com','','','','Pro','PrivateUser','Unregistered','Pending',NULL,1796011645752,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(16,'444455556666','2649e69c-8427-467e-bd90-edb49860ff2b','47a229af-0abc-43f2-8026-22d391bc5228','zed@beta.example.com','zed@beta.example.com','','','','Pro','PrivateUser','Unregistered','Pending',NULL,1796011645752,0,'','',0,0,0,NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES('secret:pagination','e2eddc23c17e573c094f1255ab1767b6299ba3f2b91f6736e8621af435b6a898');
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('accounts',6);
INSERT INTO sqlite_sequence VALUES('users',16);
CREATE INDEX users_by_account ON users (aws_account_id, account_id, seq);
COMMIT;
