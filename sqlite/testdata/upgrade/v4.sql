-- Upgrade fixture: a database at schema version 4, written through the API
-- by chime at commit d8d5fa900d1b6d3d653edc8c50c4efcc74f0bc7e.
-- Regenerate, do not edit: go run ./internal/schemafixture/generate -version 4 -commit d8d5fa900d1b
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY);
INSERT INTO schema_migrations VALUES(1);
INSERT INTO schema_migrations VALUES(2);
INSERT INTO schema_migrations VALUES(3);
INSERT INTO schema_migrations VALUES(4);
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
INSERT INTO accounts VALUES(1,'111122223333','6ea09502-4e12-4f1c-b7ab-d2cf8d542168','Team Alpha Renamed','Team',1796011665865,'Basic','Basic,Pro','Active','[]',1,0);
INSERT INTO accounts VALUES(2,'111122223333','a5d7c182-ecfc-41b9-8f0e-29bab133958b','LWA Corp','EnterpriseLWA',1796011665871,'Pro','Basic,Pro','Active','[]',0,0);
INSERT INTO accounts VALUES(3,'111122223333','0cf0928b-f3b5-45f6-b001-770a25c2eeca','Directory Corp','EnterpriseDirectory',1796011665879,'Pro','Basic,Pro','Active','["engineering","support"]',0,1);
INSERT INTO accounts VALUES(4,'111122223333','dfe0b138-8115-46e2-bf83-9eed3ece8ee7','OIDC Corp','EnterpriseOIDC',1796011665884,'Pro','Basic,Pro','Active','["oidc-users"]',0,0);
INSERT INTO accounts VALUES(5,'111122223333','555caf39-b7b5-4263-8bf2-5d55d2c06548','Suspended Corp','EnterpriseDirectory',1796011665885,'Pro','Basic,Pro','Suspended','[]',0,0);
INSERT INTO accounts VALUES(6,'444455556666','ebfaab79-0759-4914-b98d-2517defb3bda','Beta Team','Team',1796011665888,'Pro','Basic,Pro','Active','[]',0,0);
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
INSERT INTO users VALUES(1,'111122223333','6ea09502-4e12-4f1c-b7ab-d2cf8d542168','9e417d09-b894-47fc-80a4-4b9618b5b78d','ann@team.example.com','ann@team.example.com','','','','Basic','PrivateUser','Unregistered','Pending',NULL,1796011665868,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(3,'111122223333','6ea09502-4e12-4f1c-b7ab-d2cf8d542168','d8869f17-cfb3-42be-8928-29ba6b63465b','cat@team.example.com','cat@team.example.com','','','','Basic','PrivateUser','Unregistered','Pending',NULL,1796011665868,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(4,'111122223333','6ea09502-4e12-4f1c-b7ab-d2cf8d542168','d6197c86-f39c-4cd3-9253-5040cbe02792','lobby@team.example.com','lobby@team.example.com','','','','Basic','SharedDevice','Unregistered','Pending',NULL,1796011665869,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(5,'111122223333','a5d7c182-ecfc-41b9-8f0e-29bab133958b','70f9c4e9-bd89-4b76-a348-0eb3ffb5b17d','alice@lwa.example.com','alice@lwa.example.com','Alice Example','Alice Example','+12065550100','Basic','PrivateUser','Registered','',1796011665871,NULL,0,'','0076275544',1,1,0,NULL);
INSERT INTO users VALUES(6,'111122223333','a5d7c182-ecfc-41b9-8f0e-29bab133958b','83db06c2-029a-4043-bdf9-0a00fbad1608','Bob@LWA.example.com','bob@lwa.example.com','','Bob','','Pro','PrivateUser','Registered','',1796011665872,NULL,0,'','3162535427',0,0,0,1796011665878);
INSERT INTO users VALUES(7,'111122223333','a5d7c182-ecfc-41b9-8f0e-29bab133958b','0a70bd08-fb89-4977-a50d-b88bdb1fbf59','boardroom@lwa.example.com','boardroom@lwa.example.com','','Room Device','','Pro','SharedDevice','Registered','',1796011665873,NULL,1,'arn:aws:a4b:us-east-1:111122223333:room/boardroom','',0,0,0,NULL);
INSERT INTO users VALUES(8,'111122223333','a5d7c182-ecfc-41b9-8f0e-29bab133958b','d126581b-afc2-448c-93be-3bf42644355b','carol@lwa.example.com','carol@lwa.example.com','Carol','Carol','','Pro','PrivateUser','Suspended','',1796011665873,NULL,0,'','8238118454',0,0,0,NULL);
INSERT INTO users VALUES(9,'111122223333','a5d7c182-ecfc-41b9-8f0e-29bab133958b','e3ad739a-a0ff-47c7-9218-008ae2d8125f','dave@lwa.example.com','dave@lwa.example.com','Dave','Dave','','Pro','PrivateUser','Registered','',1796011665874,NULL,0,'','5406437637',0,0,0,NULL);
INSERT INTO users VALUES(10,'111122223333','0cf0928b-f3b5-45f6-b001-770a25c2eeca','bef79f62-db5b-4fc8-85c8-9dc8eb4c9258','erin@directory.example.com','erin@directory.example.com','Erin','Erin','','Pro','PrivateUser','Registered','',1796011665882,NULL,0,'','4394884075',0,0,0,NULL);
INSERT INTO users VALUES(11,'111122223333','0cf0928b-f3b5-45f6-b001-770a25c2eeca','a74f2610-064b-49f0-9900-f087928b9aa7','frank@directory.example.com','frank@directory.example.com','Frank','Frank','','Pro','PrivateUser','Registered','',1796011665882,NULL,0,'','7335456532',0,0,0,NULL);
INSERT INTO users VALUES(12,'111122223333','0cf0928b-f3b5-45f6-b001-770a25c2eeca','e86421f9-32f9-4dc3-8229-22f54bad67ad','hall@directory.example.com','hall@directory.example.com','','Room Device','','Pro','SharedDevice','Registered','',1796011665883,NULL,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(13,'111122223333','dfe0b138-8115-46e2-bf83-9eed3ece8ee7','cd525764-2151-42a2-9f98-266f09af7747','olga@oidc.example.com','olga@oidc.example.com','Olga','Olga','','Pro','PrivateUser','Registered','',1796011665885,NULL,0,'','3760566985',0,0,0,NULL);
INSERT INTO users VALUES(14,'111122223333','555caf39-b7b5-4263-8bf2-5d55d2c06548','8e03cad1-66b6-4ca5-8fde-6441458da600','sam@suspended.example.com','sam@suspended.example.com','Sam','Sam','','Pro','PrivateUser','Registered','',1796011665886,NULL,0,'','1705259310',0,0,0,NULL);
INSERT INTO users VALUES(15,'444455556666','ebfaab79-0759-4914-b98d-2517defb3bda','88650709-a946-4976-8b19-05cbfc03d2f1','alice@lwa.example.com','alice@lwa.example.com','','','','Pro','PrivateUser','Unregistered','Pending',NULL,1796011665888,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(16,'444455556666','ebfaab79-0759-4914-b98d-2517defb3bda','5599c03c-8ed2-4852-aa27-7b4633aa00f3','zed@beta.example.com','zed@beta.example.com','','','','Pro','PrivateUser','Unregistered','Pending',NULL,1796011665888,0,'','',0,0,0,NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES('secret:pagination','7f7a87a2974488641048386481dae87c8fdca84e8c672218821d2421ab70bf10');
CREATE TABLE phone_numbers (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		aws_account_id TEXT NOT NULL,
		e164 TEXT NOT NULL UNIQUE,
		country TEXT NOT NULL,
		number_type TEXT NOT NULL,
		product_type TEXT NOT NULL,
		status TEXT NOT NULL,
		inbound_call INTEGER NOT NULL DEFAULT 0,
		outbound_call INTEGER NOT NULL DEFAULT 0,
		inbound_sms INTEGER NOT NULL DEFAULT 0,
		outbound_sms INTEGER NOT NULL DEFAULT 0,
		inbound_mms INTEGER NOT NULL DEFAULT 0,
		outbound_mms INTEGER NOT NULL DEFAULT 0,
		associations TEXT NOT NULL DEFAULT '[]',
		calling_name TEXT NOT NULL DEFAULT '',
		calling_name_status TEXT NOT NULL,
		calling_name_set_at INTEGER,
		created_at INTEGER NOT NULL,
		updated_at INTEGER NOT NULL,
		acquired_at INTEGER,
		deleted_at INTEGER
	);
INSERT INTO phone_numbers VALUES(1,'444455556666','+12065550105','US','Local','BusinessCalling','AcquireInProgress',1,1,1,1,1,1,'[]','','Unassigned',NULL,1796011665891,1796011665891,1796011666891,NULL);
INSERT INTO phone_numbers VALUES(2,'111122223333','+12065550100','US','Local','BusinessCalling','Assigned',1,1,1,1,1,1,'[{"Name":"AccountId","Value":"a5d7c182-ecfc-41b9-8f0e-29bab133958b","AssociatedAt":1796011668397},{"Name":"UserId","Value":"70f9c4e9-bd89-4b76-a348-0eb3ffb5b17d","AssociatedAt":1796011668397}]','Fixture Co','UpdateSucceeded',1796011666892,1796011665892,1796011668397,1796011666892,NULL);
INSERT INTO phone_numbers VALUES(3,'111122223333','+12065550101','US','Local','BusinessCalling','Unassigned',1,1,1,1,1,1,'[]','Sales Desk','UpdateInProgress',1796011668394,1796011665892,1796011668394,1796011666892,NULL);
INSERT INTO phone_numbers VALUES(4,'111122223333','+12065550102','US','Local','BusinessCalling','DeleteInProgress',1,1,1,1,1,1,'[]','Fixture Co','UpdateSucceeded',1796011666892,1796011665892,1796011668397,1796011666892,1796011668397);
INSERT INTO phone_numbers VALUES(5,'111122223333','+12065550103','US','Local','VoiceConnector','Unassigned',1,1,1,1,1,1,'[]','Fixture Co','UpdateSucceeded',1796011666892,1796011665892,1796011668396,1796011666892,NULL);
INSERT INTO phone_numbers VALUES(6,'111122223333','+18885550100','US','TollFree','VoiceConnector','AcquireInProgress',1,1,0,0,0,0,'[]','Fixture Co','UpdateInProgress',1796011666893,1796011665893,1796011665893,1796011666893,NULL);
CREATE TABLE phone_number_orders (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		aws_account_id TEXT NOT NULL,
		id TEXT NOT NULL,
		product_type TEXT NOT NULL,
		numbers TEXT NOT NULL,
		created_at INTEGER NOT NULL,
		completes_at INTEGER NOT NULL,
		UNIQUE (aws_account_id, id)
	);
INSERT INTO phone_number_orders VALUES(1,'444455556666','8d252ecf-4239-48e0-8042-0931b38ff9c7','BusinessCalling','[{"E164":"+12065550105","Reserved":true}]',1796011665891,1796011666891);
INSERT INTO phone_number_orders VALUES(2,'111122223333','edb7a77b-3292-4d61-8f31-5854b4ddbe97','BusinessCalling','[{"E164":"+12065550100","Reserved":true},{"E164":"+12065550101","Reserved":true},{"E164":"+12065550102","Reserved":true},{"E164":"+12065550103","Reserved":true}]',1796011665892,1796011666892);
INSERT INTO phone_number_orders VALUES(3,'111122223333','d039da7b-7347-43be-97f0-9d3ec2edeca4','VoiceConnector','[{"E164":"+18885550100","Reserved":true},{"E164":"+12065550105","Reserved":false}]',1796011665893,1796011666893);
CREATE TABLE aws_account_settings (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		aws_account_id TEXT NOT NULL UNIQUE,
		calling_name TEXT NOT NULL DEFAULT '',
		calling_name_updated_at INTEGER,
		business_calling_cdr_bucket TEXT NOT NULL DEFAULT '',
		voice_connector_cdr_bucket TEXT NOT NULL DEFAULT ''
	);
INSERT INTO aws_account_settings VALUES(1,'111122223333','Fixture Co',1796011665889,'fixture-business-cdr','fixture-voice-cdr');
INSERT INTO aws_account_settings VALUES(3,'444455556666','',NULL,'beta-business-cdr','');
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('accounts',6);
INSERT INTO sqlite_sequence VALUES('users',16);
INSERT INTO sqlite_sequence VALUES('aws_account_settings',3);
INSERT INTO sqlite_sequence VALUES('phone_numbers',6);
INSERT INTO sqlite_sequence VALUES('phone_number_orders',3);
CREATE INDEX users_by_account ON users (aws_account_id, account_id, seq);
CREATE INDEX phone_numbers_by_owner ON phone_numbers (aws_account_id, e164);
CREATE INDEX phone_numbers_by_deletion ON phone_numbers (deleted_at);
CREATE INDEX phone_number_orders_by_time ON phone_number_orders (aws_account_id, created_at, id);
COMMIT;
