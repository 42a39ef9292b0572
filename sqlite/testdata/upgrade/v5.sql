-- Upgrade fixture: a database at schema version 5, written through the API
-- by chime at commit 412126125d8548f7569da4738a8b56a0860618d6.
-- Regenerate, do not edit: go run ./internal/schemafixture/generate -version 5 -commit 412126125d85
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY);
INSERT INTO schema_migrations VALUES(1);
INSERT INTO schema_migrations VALUES(2);
INSERT INTO schema_migrations VALUES(3);
INSERT INTO schema_migrations VALUES(4);
INSERT INTO schema_migrations VALUES(5);
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
INSERT INTO accounts VALUES(1,'111122223333','8f1f0625-bb13-419e-9de4-6ce7e9973951','Team Alpha Renamed','Team',1796011675185,'Basic','Basic,Pro','Active','[]',1,0);
INSERT INTO accounts VALUES(2,'111122223333','31042c5d-f49b-494b-92d4-fa443c871c64','LWA Corp','EnterpriseLWA',1796011675191,'Pro','Basic,Pro','Active','[]',0,0);
INSERT INTO accounts VALUES(3,'111122223333','aa722505-9e51-4577-9447-79d783639fb1','Directory Corp','EnterpriseDirectory',1796011675201,'Pro','Basic,Pro','Active','["engineering","support"]',0,1);
INSERT INTO accounts VALUES(4,'111122223333','4ba35a43-3f56-422f-8496-96020984695b','OIDC Corp','EnterpriseOIDC',1796011675206,'Pro','Basic,Pro','Active','["oidc-users"]',0,0);
INSERT INTO accounts VALUES(5,'111122223333','c5a4bfcf-ad6d-47e2-b47e-17a86acac7e9','Suspended Corp','EnterpriseDirectory',1796011675208,'Pro','Basic,Pro','Suspended','[]',0,0);
INSERT INTO accounts VALUES(6,'444455556666','2db15db3-14e9-44b0-8a1c-35d58860a855','Beta Team','Team',1796011675210,'Pro','Basic,Pro','Active','[]',0,0);
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
INSERT INTO users VALUES(1,'111122223333','8f1f0625-bb13-419e-9de4-6ce7e9973951','c69f6133-5139-4b93-b9d0-9639624cd30a','ann@team.example.com','ann@team.example.com','','','','Basic','PrivateUser','Unregistered','Pending',NULL,1796011675188,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(3,'111122223333','8f1f0625-bb13-419e-9de4-6ce7e9973951','812bc7ba-4ef0-4fda-82d3-283c3ca32ce7','cat@team.example.com','cat@team.example.com','','','','Basic','PrivateUser','Unregistered','Pending',NULL,1796011675188,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(4,'111122223333','8f1f0625-bb13-419e-9de4-6ce7e9973951','7da0733a-772a-406a-a8fe-f0e766c86f51','lobby@team.example.com','lobby@team.example.com','','','','Basic','SharedDevice','Unregistered','Pending',NULL,1796011675189,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(5,'111122223333','31042c5d-f49b-494b-92d4-fa443c871c64','18fbb5d9-3ab5-472b-aee0-7f0ecbb22611','alice@lwa.example.com','alice@lwa.example.com','Alice Example','Alice Example','+12065550100','Basic','PrivateUser','Registered','',1796011675192,NULL,0,'','8037043588',1,1,0,NULL);
INSERT INTO users VALUES(6,'111122223333','31042c5d-f49b-494b-92d4-fa443c871c64','2cbb86a0-5901-4f52-8202-7c954cca083f','Bob@LWA.example.com','bob@lwa.example.com','','Bob','','Pro','PrivateUser','Registered','',1796011675193,NULL,0,'','0202639616',0,0,0,1796011675199);
INSERT INTO users VALUES(7,'111122223333','31042c5d-f49b-494b-92d4-fa443c871c64','c30097aa-4034-427b-9ec5-12c19ccd2ab1','boardroom@lwa.example.com','boardroom@lwa.example.com','','Room Device','','Pro','SharedDevice','Registered','',1796011675194,NULL,1,'arn:aws:a4b:us-east-1:111122223333:room/boardroom','',0,0,0,NULL);
INSERT INTO users VALUES(8,'111122223333','31042c5d-f49b-494b-92d4-fa443c871c64','7d45011f-c387-4e48-b5ac-e95fa7a66fc1','carol@lwa.example.com','carol@lwa.example.com','Carol','Carol','','Pro','PrivateUser','Suspended','',1796011675195,NULL,0,'','7421926610',0,0,0,NULL);
INSERT INTO users VALUES(9,'111122223333','31042c5d-f49b-494b-92d4-fa443c871c64','ffe4f57a-2440-4324-a69d-5ffc2668e0df','dave@lwa.example.com','dave@lwa.example.com','Dave','Dave','','Pro','PrivateUser','Registered','',1796011675195,NULL,0,'','0588519772',0,0,0,NULL);
INSERT INTO users VALUES(10,'111122223333','aa722505-9e51-4577-9447-79d783639fb1','1d709892-d33a-4040-9e42-5c0ca76e1374','erin@directory.example.com','erin@directory.example.com','Erin','Erin','','Pro','PrivateUser','Registered','',1796011675204,NULL,0,'','0768696104',0,0,0,NULL);
INSERT INTO users VALUES(11,'111122223333','aa722505-9e51-4577-9447-79d783639fb1','6e32a9e1-a022-4846-88dd-bc3af4160cd1','frank@directory.example.com','frank@directory.example.com','Frank','Frank','','Pro','PrivateUser','Registered','',1796011675205,NULL,0,'','7193334276',0,0,0,NULL);
INSERT INTO users VALUES(12,'111122223333','aa722505-9e51-4577-9447-79d783639fb1','4cd258f9-be64-4863-a32f-813ac691b436','hall@directory.example.com','hall@directory.example.com','','Room Device','','Pro','SharedDevice','Registered','',1796011675205,NULL,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(13,'111122223333','4ba35a43-3f56-422f-8496-96020984695b','f2c47c10-61b0-40b4-96d0-b8537609e147','olga@oidc.example.com','olga@oidc.example.com','Olga','Olga','','Pro','PrivateUser','Registered','',1796011675207,NULL,0,'','9490899699',0,0,0,NULL);
INSERT INTO users VALUES(14,'111122223333','c5a4bfcf-ad6d-47e2-b47e-17a86acac7e9','176d4a21-ac27-47ac-80b1-a10412c3cf90','sam@suspended.example.com','sam@suspended.example.com','Sam','Sam','','Pro','PrivateUser','Registered','',1796011675208,NULL,0,'','9962544732',0,0,0,NULL);
INSERT INTO users VALUES(15,'444455556666','2db15db3-14e9-44b0-8a1c-35d58860a855','351d0965-c814-4f37-b90a-1d50a81cfb44','alice@lwa.example.com','alice@lwa.example.com','','','','Pro','PrivateUser','Unregistered','Pending',NULL,1796011675211,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(16,'444455556666','2db15db3-14e9-44b0-8a1c-35d58860a855','13d08697-2a2c-4dc4-aad7-3f943c304adf','zed@beta.example.com','zed@beta.example.com','','','','Pro','PrivateUser','Unregistered','Pending',NULL,1796011675211,0,'','',0,0,0,NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES('secret:pagination','0a800f5cd68b5eb21555494693f4737365325c6a8dc3c3741000e78cd3f2ed04');
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
INSERT INTO phone_numbers VALUES(1,'444455556666','+12065550105','US','Local','BusinessCalling','AcquireInProgress',1,1,1,1,1,1,'[]','','Unassigned',NULL,1796011675214,1796011675214,1796011676214,NULL);
INSERT INTO phone_numbers VALUES(2,'111122223333','+12065550100','US','Local','BusinessCalling','Assigned',1,1,1,1,1,1,'[{"Name":"AccountId","Value":"31042c5d-f49b-494b-92d4-fa443c871c64","AssociatedAt":1796011677723},{"Name":"UserId","Value":"18fbb5d9-3ab5-472b-aee0-7f0ecbb22611","AssociatedAt":1796011677723}]','Fixture Co','UpdateSucceeded',1796011676215,1796011675215,1796011677723,1796011676215,NULL);
INSERT INTO phone_numbers VALUES(3,'111122223333','+12065550101','US','Local','BusinessCalling','Unassigned',1,1,1,1,1,1,'[]','Sales Desk','UpdateInProgress',1796011677719,1796011675215,1796011677719,1796011676215,NULL);
INSERT INTO phone_numbers VALUES(4,'111122223333','+12065550102','US','Local','BusinessCalling','DeleteInProgress',1,1,1,1,1,1,'[]','Fixture Co','UpdateSucceeded',1796011676215,1796011675215,1796011677725,1796011676215,1796011677725);
INSERT INTO phone_numbers VALUES(5,'111122223333','+12065550103','US','Local','VoiceConnector','Unassigned',1,1,1,1,1,1,'[]','Fixture Co','UpdateSucceeded',1796011676215,1796011675215,1796011677721,1796011676215,NULL);
INSERT INTO phone_numbers VALUES(6,'111122223333','+18885550100','US','TollFree','VoiceConnector','AcquireInProgress',1,1,0,0,0,0,'[]','Fixture Co','UpdateInProgress',1796011676216,1796011675216,1796011675216,1796011676216,NULL);
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
INSERT INTO phone_number_orders VALUES(1,'444455556666','d45ef413-ff55-4542-b84b-bcacf81f09f7','BusinessCalling','[{"E164":"+12065550105","Reserved":true}]',1796011675214,1796011676214);
INSERT INTO phone_number_orders VALUES(2,'111122223333','668ca6e2-364d-46a9-ae6d-a44a82d8e5a3','BusinessCalling','[{"E164":"+12065550100","Reserved":true},{"E164":"+12065550101","Reserved":true},{"E164":"+12065550102","Reserved":true},{"E164":"+12065550103","Reserved":true}]',1796011675215,1796011676215);
INSERT INTO phone_number_orders VALUES(3,'111122223333','5a0bc300-7f75-4d27-8bad-0c69170905a2','VoiceConnector','[{"E164":"+18885550100","Reserved":true},{"E164":"+12065550105","Reserved":false}]',1796011675216,1796011676216);
CREATE TABLE aws_account_settings (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		aws_account_id TEXT NOT NULL UNIQUE,
		calling_name TEXT NOT NULL DEFAULT '',
		calling_name_updated_at INTEGER,
		business_calling_cdr_bucket TEXT NOT NULL DEFAULT '',
		voice_connector_cdr_bucket TEXT NOT NULL DEFAULT ''
	);
INSERT INTO aws_account_settings VALUES(1,'111122223333','Fixture Co',1796011675212,'fixture-business-cdr','fixture-voice-cdr');
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
INSERT INTO rooms VALUES(1,'111122223333','aa722505-9e51-4577-9447-79d783639fb1','b1bf4c31-6892-434a-8683-715ee91ce530','General','arn:aws:iam::111122223333:root',1796011677734,1796011677734,'fixture-general','General');
INSERT INTO rooms VALUES(2,'111122223333','aa722505-9e51-4577-9447-79d783639fb1','136abf3c-fb56-48b3-9218-dc50d1294b03','Random Talk','arn:aws:iam::111122223333:root',1796011677735,1796011677736,'cd62a877-ed5c-4a85-a1fe-4587256de05f','Random');
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
INSERT INTO room_memberships VALUES(1,'111122223333','aa722505-9e51-4577-9447-79d783639fb1','b1bf4c31-6892-434a-8683-715ee91ce530','1d709892-d33a-4040-9e42-5c0ca76e1374','User','erin@directory.example.com','Erin','Administrator','arn:aws:iam::111122223333:root',1796011677738);
INSERT INTO room_memberships VALUES(2,'111122223333','aa722505-9e51-4577-9447-79d783639fb1','b1bf4c31-6892-434a-8683-715ee91ce530','6e32a9e1-a022-4846-88dd-bc3af4160cd1','User','frank@directory.example.com','Frank','Administrator','arn:aws:iam::111122223333:root',1796011677740);
INSERT INTO room_memberships VALUES(3,'111122223333','aa722505-9e51-4577-9447-79d783639fb1','b1bf4c31-6892-434a-8683-715ee91ce530','76759e4e-e49f-4ec8-bc68-350f20a836d1','Bot','Helper-chimebot@directory.example.com','Helper (Bot)','Member','arn:aws:iam::111122223333:root',1796011677738);
INSERT INTO room_memberships VALUES(4,'111122223333','aa722505-9e51-4577-9447-79d783639fb1','136abf3c-fb56-48b3-9218-dc50d1294b03','1d709892-d33a-4040-9e42-5c0ca76e1374','User','erin@directory.example.com','Erin','Member','arn:aws:iam::111122223333:root',1796011677741);
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
INSERT INTO bots VALUES(1,'111122223333','aa722505-9e51-4577-9447-79d783639fb1','76759e4e-e49f-4ec8-bc68-350f20a836d1','Helper (Bot)','Helper-chimebot@directory.example.com','helper-chimebot@directory.example.com',0,'TFXKxmeQ28AyXI6ksZ5ZdQZe5qj73uWkzbGkPP8+',1796011677727,1796011677732);
INSERT INTO bots VALUES(2,'111122223333','aa722505-9e51-4577-9447-79d783639fb1','617b4669-cb17-4395-8233-dc294baeeab5','Reporter (Bot)','Reporter-chimebot@directory.example.com','reporter-chimebot@directory.example.com',1,'Dro7iHL/sAOId20f7PPKNFUSrdoYTkglMHWuhmhz',1796011677729,1796011677730);
CREATE TABLE bot_events_configurations (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		aws_account_id TEXT NOT NULL,
		account_id TEXT NOT NULL,
		bot_id TEXT NOT NULL,
		https_endpoint TEXT NOT NULL DEFAULT '',
		lambda_function_arn TEXT NOT NULL DEFAULT '',
		UNIQUE (aws_account_id, account_id, bot_id)
	);
INSERT INTO bot_events_configurations VALUES(1,'111122223333','aa722505-9e51-4577-9447-79d783639fb1','76759e4e-e49f-4ec8-bc68-350f20a836d1','','arn:aws:lambda:us-east-1:111122223333:function:helper');
CREATE TABLE retention_settings (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		aws_account_id TEXT NOT NULL,
		account_id TEXT NOT NULL,
		room_days INTEGER NOT NULL DEFAULT 0,
		conversation_days INTEGER NOT NULL DEFAULT 0,
		initiate_deletion_at INTEGER,
		UNIQUE (aws_account_id, account_id)
	);
INSERT INTO retention_settings VALUES(1,'111122223333','aa722505-9e51-4577-9447-79d783639fb1',30,60,1798603677742);
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
COMMIT;
