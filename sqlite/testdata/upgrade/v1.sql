-- Upgrade fixture: a database at schema version 1, written through the API
-- by chime at commit 9f113c4264693a7a1dca91565f75c513e42c78e8.
-- Regenerate, do not edit: go run ./internal/schemafixture/generate -version 1 -commit 9f113c426469
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY);
INSERT INTO schema_migrations VALUES(1);
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
INSERT INTO accounts VALUES(1,'111122223333','023d0fc5-a0ef-44ad-b0b4-f7ed9c243f91','Team Alpha Renamed','Team',1796011633639,'Basic','Basic,Pro','Active','[]',1,0);
INSERT INTO accounts VALUES(2,'111122223333','5f9ac1eb-2746-4897-af2f-12beeff7348b','LWA Corp','EnterpriseLWA',1796011633647,'Pro','Basic,Pro','Active','[]',0,0);
INSERT INTO accounts VALUES(3,'111122223333','4c1ae24a-58f6-4c4d-ab25-f850b2dcedbe','Directory Corp','EnterpriseDirectory',1796011633658,'Pro','Basic,Pro','Active','["engineering","support"]',0,1);
INSERT INTO accounts VALUES(4,'111122223333','8341337b-babe-4767-afcd-e4575a2c0de8','OIDC Corp','EnterpriseOIDC',1796011633666,'Pro','Basic,Pro','Active','["oidc-users"]',0,0);
INSERT INTO accounts VALUES(5,'111122223333','d11b1622-573a-4487-8805-c81aed6a1af2','Suspended Corp','EnterpriseDirectory',1796011633668,'Pro','Basic,Pro','Suspended','[]',0,0);
INSERT INTO accounts VALUES(6,'444455556666','f281268d-d516-48bf-9f83-0fdc60d004ef','Beta Team','Team',1796011633671,'Pro','Basic,Pro','Active','[]',0,0);
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
INSERT INTO users VALUES(1,'111122223333','023d0fc5-a0ef-44ad-b0b4-f7ed9c243f91','689f5f1c-176d-41e6-b3cf-d39f80529541','ann@team.example.com','ann@team.example.com','','','','Basic','PrivateUser','Unregistered','Pending',NULL,1796011633643,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(3,'111122223333','023d0fc5-a0ef-44ad-b0b4-f7ed9c243f91','756e59c1-beac-4cd1-a081-fc17225c8bd9','cat@team.example.com','cat@team.example.com','','','','Basic','PrivateUser','Unregistered','Pending',NULL,1796011633643,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(4,'111122223333','023d0fc5-a0ef-44ad-b0b4-f7ed9c243f91','fb74e5fb-6e01-497b-afd9-8c5cda6e328a','lobby@team.example.com','lobby@team.example.com','','','','Basic','SharedDevice','Unregistered','Pending',NULL,1796011633644,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(5,'111122223333','5f9ac1eb-2746-4897-af2f-12beeff7348b','b2b3095f-966b-4907-88d9-6159f1658cca','alice@lwa.example.com','alice@lwa.example.com','Alice Example','Alice Example','','Basic','PrivateUser','Registered','',1796011633648,NULL,0,'','9994615450',1,1,0,NULL);
INSERT INTO users VALUES(6,'111122223333','5f9ac1eb-2746-4897-af2f-12beeff7348b','da76f69e-5155-448d-9ecf-7f499a27540a','Bob@LWA.example.com','bob@lwa.example.com','','Bob','','Pro','PrivateUser','Registered','',1796011633649,NULL,0,'','5346804767',0,0,0,1796011633656);
INSERT INTO users VALUES(7,'111122223333','5f9ac1eb-2746-4897-af2f-12beeff7348b','f570ec78-e04f-46f6-866b-823589a614cf','boardroom@lwa.example.com','boardroom@lwa.example.com','','Room Device','','Pro','SharedDevice','Registered','',1796011633650,NULL,1,'arn:aws:a4b:us-east-1:111122223333:room/boardroom','',0,0,0,NULL);
INSERT INTO users VALUES(8,'111122223333','5f9ac1eb-2746-4897-af2f-12beeff7348b','e6d5ede4-10c2-43ab-847a-cec5cc0b49f3','carol@lwa.example.com','carol@lwa.example.com','Carol','Carol','','Pro','PrivateUser','Suspended','',1796011633651,NULL,0,'','4373059124',0,0,0,NULL);
INSERT INTO users VALUES(9,'111122223333','5f9ac1eb-2746-4897-af2f-12beeff7348b','2db02282-5b6c-430e-a013-e2fd55907a1b','dave@lwa.example.com','dave@lwa.example.com','Dave','Dave','','Pro','PrivateUser','Registered','',1796011633651,NULL,0,'','9747098398',0,0,0,NULL);
INSERT INTO users VALUES(10,'111122223333','4c1ae24a-58f6-4c4d-ab25-f850b2dcedbe','ebd905e3-3cbb-4c22-8aea-6c2b1647a92d','erin@directory.example.com','erin@directory.example.com','Erin','Erin','','Pro','PrivateUser','Registered','',1796011633661,NULL,0,'','7795175912',0,0,0,NULL);
INSERT INTO users VALUES(11,'111122223333','4c1ae24a-58f6-4c4d-ab25-f850b2dcedbe','84e2bea6-7aed-4dcc-8745-cab8a61cc0df','frank@directory.example.com','frank@directory.example.com','Frank','Frank','','Pro','PrivateUser','Registered','',1796011633662,NULL,0,'','9594998975',0,0,0,NULL);
INSERT INTO users VALUES(12,'111122223333','4c1ae24a-58f6-4c4d-ab25-f850b2dcedbe','8256def8-911e-4885-a15c-ac3c4948e80e','hall@directory.example.com','hall@directory.example.com','','Room Device','','Pro','SharedDevice','Registered','',1796011633663,NULL,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(13,'111122223333','4c1ae24a-58f6-4c4d-ab25-f850b2dcedbe','398df1d9-9880-432f-9ac6-559c473a0539','Jane.Doe@directory.example.com','jane.doe@directory.example.com','Jane','Jane','','Pro','PrivateUser','Registered','',1796011633664,NULL,0,'','6093040055',0,0,0,NULL);
INSERT INTO users VALUES(14,'111122223333','4c1ae24a-58f6-4c4d-ab25-f850b2dcedbe','61398d4f-2756-46d7-8894-ca4b507ced89','ｊａｎｅ.doe@directory.example.com','ｊａｎｅ.doe@directory.example.com','Jane Lookalike','Jane Lookalike','','Pro','PrivateUser','Registered','',1796011633665,NULL,0,'','5642076863',0,0,0,NULL);
INSERT INTO users VALUES(15,'111122223333','4c1ae24a-58f6-4c4d-ab25-f850b2dcedbe','8d261feb-8972-4843-a292-61f41545d922','Ｇｒａｃｅ@directory.example.com','ｇｒａｃｅ@directory.example.com','Grace','Grace','','Pro','PrivateUser','Registered','',1796011633666,NULL,0,'','2924377433',0,0,0,NULL);
INSERT INTO users VALUES(16,'111122223333','8341337b-babe-4767-afcd-e4575a2c0de8','9bfac937-57fc-407d-8d3c-380c23539ac2','olga@oidc.example.com','olga@oidc.example.com','Olga','Olga','','Pro','PrivateUser','Registered','',1796011633668,NULL,0,'','4682970718',0,0,0,NULL);
INSERT INTO users VALUES(17,'111122223333','d11b1622-573a-4487-8805-c81aed6a1af2','9fe91469-c330-4299-8de4-74b20f0e2280','sam@suspended.example.com','sam@suspended.example.com','Sam','Sam','','Pro','PrivateUser','Registered','',1796011633669,NULL,0,'','9717124500',0,0,0,NULL);
INSERT INTO users VALUES(18,'444455556666','f281268d-d516-48bf-9f83-0fdc60d004ef','b520b23b-9251-4aa1-909e-6c4e1ec61e31','alice@lwa.example.com','alice@lwa.example.com','','','','Pro','PrivateUser','Unregistered','Pending',NULL,1796011633672,0,'','',0,0,0,NULL);
INSERT INTO users VALUES(19,'444455556666','f281268d-d516-48bf-9f83-0fdc60d004ef','d8464c57-6547-449a-b1fc-9cc5fbe071fa','zed@beta.example.com','zed@beta.example.com','','','','Pro','PrivateUser','Unregistered','Pending',NULL,1796011633672,0,'','',0,0,0,NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES('secret:pagination','34e6a91cfc11e96bc2f443ce9c45bfcb7842f073005f7b85fcc25d0df30d25d5');
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('accounts',6);
INSERT INTO sqlite_sequence VALUES('users',19);
CREATE INDEX users_by_account ON users (aws_account_id, account_id, seq);
COMMIT;
