-- Upgrade fixture: a database at schema version 6, written through the API
-- by chime at commit b2a9c394bfb437c158c9bffa42f687cb6f98c2f1.
-- Regenerate, do not edit: go run ./internal/schemafixture/generate -version 6 -commit b2a9c394bfb4
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY);
INSERT INTO schema_migrations VALUES(1);
INSERT INTO schema_migrations VALUES(2);
INSERT INTO schema_migrations VALUES(3);
INSERT INTO schema_migrations VALUES(4);
INSERT INTO schema_migrations VALUES(5);
INSERT INTO schema_migrations VALUES(6);
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
INSERT INTO accounts VALUES(1,'111122223333','12410a84-3f36-4352-85f9-153e1bab321b','Team Alpha Renamed','Team',1796011685317,'Basic','Basic,Pro','Active','[]',1,0);
INSERT INTO accounts VALUES(2,'111122223333','be54cea9-642c-4e30-bb8a-eb60e28f94db','LWA Corp','EnterpriseLWA',1796011685323,'Pro','Basic,Pro','Active','[]',0,0);
INSERT INTO accounts VALUES(3,'111122223333','abd298b6-5398-4b2a-914a-eadfbd72bbed','Directory Corp','EnterpriseDirectory',1796011685332,'Pro','Basic,Pro','Active','["engineering","support"]',0,1);
INSERT INTO accounts VALUES(4,'111122223333','be055ed5-2e6c-46a5-b5f5-c4706792b369','OIDC Corp','EnterpriseOIDC',1796011685336,'Pro','Basic,Pro','Active','["oidc-users"]',0,0);
INSERT INTO accounts VALUES(5,'111122223333','10e2daa1-b754-489d-a159-3fbbb6d9ce92','Suspended Corp','EnterpriseDirectory',1796011685338,'Pro','Basic,Pro','Suspended','[]',0,0);
INSERT INTO accounts VALUES(6,'444455556666','847a2cd4-7898-47b2-a859-052071b6a0a8','Beta Team','Team',1796011685340,'Pro','Basic,Pro','Active','[]',0,0);
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
INSERT INTO users VALUES(1,'111122223333','12410a84-3f36-4352-85f9-153e1bab321b','b7a8d9f1-3b0c-408b-80fa-ced265f3faa3','ann@team.example.com','ann@team.example.com','','','','Basic','PrivateUser','Unregistered','Pending',NULL,1796011685320,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(3,'111122223333','12410a84-3f36-4352-85f9-153e1bab321b','f0cae912-6dfb-4597-8fb9-97d9008b41e6','cat@team.example.com','cat@team.example.com','','','','Basic','PrivateUser','Unregistered','Pending',NULL,1796011685320,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(4,'111122223333','12410a84-3f36-4352-85f9-153e1bab321b','d2538eca-e32a-479a-8dbd-eaf7045634bd','lobby@team.example.com','lobby@team.example.com','','','','Basic','SharedDevice','Unregistered','Pending',NULL,1796011685321,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(5,'111122223333','be54cea9-642c-4e30-bb8a-eb60e28f94db','9e7edb03-a008-4947-aa5b-609a078d17b2','alice@lwa.example.com','alice@lwa.example.com','Alice Example','Alice Example','+12065550100','Basic','PrivateUser','Registered','',1796011685324,NULL,0,'','8274394394',1,1,0,NULL);
INSERT INTO users VALUES(6,'111122223333','be54cea9-642c-4e30-bb8a-eb60e28f94db','8b9827f7-dc9e-4909-8901-2ac573ad6a50','Bob@LWA.example.com','bob@lwa.example.com','','Bob','','Pro','PrivateUser','Registered','',1796011685325,NULL,0,'','7322066487',0,0,0,1796011685330);
INSERT INTO users VALUES(7,'111122223333','be54cea9-642c-4e30-bb8a-eb60e28f94db','93c1deb2-14af-4c07-9a34-8f704cc3b8e9','boardroom@lwa.example.com','boardroom@lwa.example.com','','Room Device','','Pro','SharedDevice','Registered','',1796011685325,NULL,1,'arn:aws:a4b:us-east-1:111122223333:room/boardroom','',0,0,0,NULL);
INSERT INTO users VALUES(8,'111122223333','be54cea9-642c-4e30-bb8a-eb60e28f94db','a257880d-f15c-4d0a-bf74-309db0130229','carol@lwa.example.com','carol@lwa.example.com','Carol','Carol','','Pro','PrivateUser','Suspended','',1796011685326,NULL,0,'','0454574374',0,0,0,NULL);
INSERT INTO users VALUES(9,'111122223333','be54cea9-642c-4e30-bb8a-eb60e28f94db','50d649de-7c19-494b-b8b0-ba77bfe53f21','dave@lwa.example.com','dave@lwa.example.com','Dave','Dave','','Pro','PrivateUser','Registered','',1796011685327,NULL,0,'','0244050691',0,0,0,NULL);
INSERT INTO users VALUES(10,'111122223333','abd298b6-5398-4b2a-914a-eadfbd72bbed','fe93da8f-da57-4205-be01-1a8a0a9e89fd','erin@directory.example.com','erin@directory.example.com','Erin','Erin','','Pro','PrivateUser','Registered','',1796011685334,NULL,0,'','5637767362',0,0,0,NULL);
INSERT INTO users VALUES(11,'111122223333','abd298b6-5398-4b2a-914a-eadfbd72bbed','1195844a-9204-45c8-91f3-95c9ef25d902','frank@directory.example.com','frank@directory.example.com','Frank','Frank','','Pro','PrivateUser','Registered','',1796011685335,NULL,0,'','2816962453',0,0,0,NULL);
INSERT INTO users VALUES(12,'111122223333','abd298b6-5398-4b2a-914a-eadfbd72bbed','20cbdc39-96c5-4367-91d0-405d1cb4e097','hall@directory.example.com','hall@directory.example.com','','Room Device','','Pro','SharedDevice','Registered','',1796011685336,NULL,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(13,'111122223333','be055ed5-2e6c-46a5-b5f5-c4706792b369','3c44a9e0-41c3-4143-b4e7-9a31b58771c3','olga@oidc.example.com','olga@oidc.example.com','Olga','Olga','','Pro','PrivateUser','Registered','',1796011685338,NULL,0,'','8540457808',0,0,0,NULL);
INSERT INTO users VALUES(14,'111122223333','10e2daa1-b754-489d-a159-3fbbb6d9ce92','c8f4b2ac-9e04-4462-994a-85d8dd04c796','sam@suspended.example.com','sam@suspended.example.com','Sam','Sam','','Pro','PrivateUser','Registered','',1796011685339,NULL,0,'','2847934144',0,0,0,NULL);
INSERT INTO users VALUES(15,'444455556666','847a2cd4-7898-47b2-a859-052071b6a0a8','a5df8bf3-b35d-42ed-bbc4-1b6dfbf0fd17','alice@lwa.example.com','alice@lwa.example.com','','','','Pro','PrivateUser','Unregistered','Pending',NULL,1796011685341,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(16,'444455556666','847a2cd4-7898-47b2-a859-052071b6a0a8','84794b94-0540-490b-b35c-f7035701684a','zed@beta.example.com','zed@beta.example.com','','','','Pro','PrivateUser','Unregistered','Pending',NULL,1796011685341,0,'','',0,0,0,NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES('secret:pagination','e9f3f1907265105800089a72d11f2b7c9d8ccfba5cd1c7072c4932cb5709921e');
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
INSERT INTO phone_numbers VALUES(1,'444455556666','+12065550105','US','Local','BusinessCalling','AcquireInProgress',1,1,1,1,1,1,'[]','','Unassigned',NULL,1796011685344,1796011685344,1796011686344,NULL);
INSERT INTO phone_numbers VALUES(2,'111122223333','+12065550100','US','Local','BusinessCalling','Assigned',1,1,1,1,1,1,'[{"Name":"AccountId","Value":"be54cea9-642c-4e30-bb8a-eb60e28f94db","AssociatedAt":1796011687852},{"Name":"UserId","Value":"9e7edb03-a008-4947-aa5b-609a078d17b2","AssociatedAt":1796011687852}]','Fixture Co','UpdateSucceeded',1796011686345,1796011685345,1796011687852,1796011686345,NULL);
INSERT INTO phone_numbers VALUES(3,'111122223333','+12065550101','US','Local','BusinessCalling','Unassigned',1,1,1,1,1,1,'[]','Sales Desk','UpdateInProgress',1796011687849,1796011685345,1796011687849,1796011686345,NULL);
INSERT INTO phone_numbers VALUES(4,'111122223333','+12065550102','US','Local','BusinessCalling','DeleteInProgress',1,1,1,1,1,1,'[]','Fixture Co','UpdateSucceeded',1796011686345,1796011685345,1796011687853,1796011686345,1796011687853);
INSERT INTO phone_numbers VALUES(5,'111122223333','+12065550103','US','Local','VoiceConnector','Unassigned',1,1,1,1,1,1,'[]','Fixture Co','UpdateSucceeded',1796011686345,1796011685345,1796011687851,1796011686345,NULL);
INSERT INTO phone_numbers VALUES(6,'111122223333','+18885550100','US','TollFree','VoiceConnector','AcquireInProgress',1,1,0,0,0,0,'[]','Fixture Co','UpdateInProgress',1796011686346,1796011685346,1796011685346,1796011686346,NULL);
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
INSERT INTO phone_number_orders VALUES(1,'444455556666','c52788b0-6127-4690-97ac-1116eeec90a3','BusinessCalling','[{"E164":"+12065550105","Reserved":true}]',1796011685344,1796011686344);
INSERT INTO phone_number_orders VALUES(2,'111122223333','de1b14f8-52b9-40a7-ab19-51e70ed44f7a','BusinessCalling','[{"E164":"+12065550100","Reserved":true},{"E164":"+12065550101","Reserved":true},{"E164":"+12065550102","Reserved":true},{"E164":"+12065550103","Reserved":true}]',1796011685345,1796011686345);
INSERT INTO phone_number_orders VALUES(3,'111122223333','b5580a16-7144-433b-86c2-5f098293dfaa','VoiceConnector','[{"E164":"+18885550100","Reserved":true},{"E164":"+12065550105","Reserved":false}]',1796011685346,1796011686346);
CREATE TABLE aws_account_settings (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		aws_account_id TEXT NOT NULL UNIQUE,
		calling_name TEXT NOT NULL DEFAULT '',
		calling_name_updated_at INTEGER,
		business_calling_cdr_bucket TEXT NOT NULL DEFAULT '',
		voice_connector_cdr_bucket TEXT NOT NULL DEFAULT ''
	);
INSERT INTO aws_account_settings VALUES(1,'111122223333','Fixture Co',1796011685342,'fixture-business-cdr','fixture-voice-cdr');
INSERT INTO aws_account_settings VALUES(3,'444455556666','',NULL,'beta-business-cdr','');
CREATE TABLE rooms (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		aws_account_id TEXT NOT NULL,
		account_id TEXT NOT NULL,
		id TEXT NOT NULL,
		name TEXT NOT NULL,
		created_by TEXT NOT NULL,
		created_at INTEGER NOT NULL,
		updated_at INTEGER NOT NULL,
		client_request_token TEXT,
		client_request_name TEXT,
		UNIQUE (aws_account_id, account_id, id)
	);
INSERT INTO rooms VALUES(1,'111122223333','abd298b6-5398-4b2a-914a-eadfbd72bbed','6cfb40f3-f6d4-4eb8-baac-87058f96d569','General','arn:aws:iam::111122223333:root',1796011687860,1796011687860,'fixture-general','General');
INSERT INTO rooms VALUES(2,'111122223333','abd298b6-5398-4b2a-914a-eadfbd72bbed','9614ea69-bed6-4857-9d63-eabfd2fd0888','Random Talk','arn:aws:iam::111122223333:root',1796011687860,1796011687861,'27af3257-6579-4715-9229-586ddb061f38','Random');
CREATE TABLE room_memberships (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		aws_account_id TEXT NOT NULL,
		account_id TEXT NOT NULL,
		room_id TEXT NOT NULL,
		member_id TEXT NOT NULL,
		member_type TEXT NOT NULL,
		email TEXT NOT NULL,
		full_name TEXT NOT NULL,
		role TEXT NOT NULL,
		invited_by TEXT NOT NULL,
		updated_at INTEGER NOT NULL,
		UNIQUE (aws_account_id, account_id, room_id, member_id)
	);
INSERT INTO room_memberships VALUES(1,'111122223333','abd298b6-5398-4b2a-914a-eadfbd72bbed','6cfb40f3-f6d4-4eb8-baac-87058f96d569','fe93da8f-da57-4205-be01-1a8a0a9e89fd','User','erin@directory.example.com','Erin','Administrator','arn:aws:iam::111122223333:root',1796011687863);
INSERT INTO room_memberships VALUES(2,'111122223333','abd298b6-5398-4b2a-914a-eadfbd72bbed','6cfb40f3-f6d4-4eb8-baac-87058f96d569','1195844a-9204-45c8-91f3-95c9ef25d902','User','frank@directory.example.com','Frank','Administrator','arn:aws:iam::111122223333:root',1796011687864);
INSERT INTO room_memberships VALUES(3,'111122223333','abd298b6-5398-4b2a-914a-eadfbd72bbed','6cfb40f3-f6d4-4eb8-baac-87058f96d569','28e40153-eda0-4545-8314-6530106b64af','Bot','Helper-chimebot@directory.example.com','Helper (Bot)','Member','arn:aws:iam::111122223333:root',1796011687863);
INSERT INTO room_memberships VALUES(4,'111122223333','abd298b6-5398-4b2a-914a-eadfbd72bbed','9614ea69-bed6-4857-9d63-eabfd2fd0888','fe93da8f-da57-4205-be01-1a8a0a9e89fd','User','erin@directory.example.com','Erin','Member','arn:aws:iam::111122223333:root',1796011687865);
CREATE TABLE bots (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		aws_account_id TEXT NOT NULL,
		account_id TEXT NOT NULL,
		id TEXT NOT NULL,
		display_name TEXT NOT NULL,
		email TEXT NOT NULL,
		email_key TEXT NOT NULL,
		disabled INTEGER NOT NULL DEFAULT 0,
		security_token TEXT NOT NULL,
		created_at INTEGER NOT NULL,
		updated_at INTEGER NOT NULL,
		UNIQUE (aws_account_id, account_id, id),
		UNIQUE (aws_account_id, account_id, email_key)
	);
INSERT INTO bots VALUES(1,'111122223333','abd298b6-5398-4b2a-914a-eadfbd72bbed','28e40153-eda0-4545-8314-6530106b64af','Helper (Bot)','Helper-chimebot@directory.example.com','helper-chimebot@directory.example.com',0,'O7beuYsmz+YcEOZVr1EoWx3JhdKLnHRt9d0Ebxj8',1796011687855,1796011687859);
INSERT INTO bots VALUES(2,'111122223333','abd298b6-5398-4b2a-914a-eadfbd72bbed','5756f969-9bdd-4bf3-a951-55e1803fa390','Reporter (Bot)','Reporter-chimebot@directory.example.com','reporter-chimebot@directory.example.com',1,'DG2jKwR52VBTNH5KU7vbVcaflUBi5CrJijWSqmjo',1796011687856,1796011687857);
CREATE TABLE bot_events_configurations (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		aws_account_id TEXT NOT NULL,
		account_id TEXT NOT NULL,
		bot_id TEXT NOT NULL,
		https_endpoint TEXT NOT NULL DEFAULT '',
		lambda_function_arn TEXT NOT NULL DEFAULT '',
		UNIQUE (aws_account_id, account_id, bot_id)
	);
INSERT INTO bot_events_configurations VALUES(1,'111122223333','abd298b6-5398-4b2a-914a-eadfbd72bbed','28e40153-eda0-4545-8314-6530106b64af','','arn:aws:lambda:us-east-1:111122223333:function:helper');
CREATE TABLE retention_settings (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		aws_account_id TEXT NOT NULL,
		account_id TEXT NOT NULL,
		room_days INTEGER NOT NULL DEFAULT 0,
		conversation_days INTEGER NOT NULL DEFAULT 0,
		initiate_deletion_at INTEGER,
		UNIQUE (aws_account_id, account_id)
	);
INSERT INTO retention_settings VALUES(1,'111122223333','abd298b6-5398-4b2a-914a-eadfbd72bbed',30,60,1798603687866);
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('accounts',6);
INSERT INTO sqlite_sequence VALUES('users',16);
INSERT INTO sqlite_sequence VALUES('aws_account_settings',3);
INSERT INTO sqlite_sequence VALUES('phone_numbers',6);
INSERT INTO sqlite_sequence VALUES('phone_number_orders',3);
INSERT INTO sqlite_sequence VALUES('bots',2);
INSERT INTO sqlite_sequence VALUES('bot_events_configurations',1);
INSERT INTO sqlite_sequence VALUES('rooms',2);
INSERT INTO sqlite_sequence VALUES('room_memberships',4);
INSERT INTO sqlite_sequence VALUES('retention_settings',1);
CREATE INDEX users_by_account ON users (aws_account_id, account_id, seq);
CREATE INDEX phone_numbers_by_owner ON phone_numbers (aws_account_id, e164);
CREATE INDEX phone_numbers_by_deletion ON phone_numbers (deleted_at);
CREATE INDEX phone_number_orders_by_time ON phone_number_orders (aws_account_id, created_at, id);
CREATE UNIQUE INDEX rooms_by_token ON rooms (aws_account_id, account_id, client_request_token);
CREATE INDEX rooms_by_account ON rooms (aws_account_id, account_id, seq);
CREATE INDEX room_memberships_by_member ON room_memberships (aws_account_id, account_id, member_id);
CREATE INDEX users_by_email ON users (aws_account_id, account_id, email_key COLLATE BINARY, user_type, registration);
CREATE INDEX users_by_state ON users (aws_account_id, account_id, user_type, registration, seq);
COMMIT;
