-- Upgrade fixture: a database at schema version 1, written through the API
-- by chime at commit 9f113c4264693a7a1dca91565f75c513e42c78e8.
-- Regenerate, do not edit: go run ./internal/schemafixture/generate -version 1 -commit 9f113c426469
--
-- PostgreSQL database dump
--


-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: {{schema}}; Type: SCHEMA; Schema: -; Owner: -
--



SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: accounts; Type: TABLE; Schema: {{schema}}; Owner: -
--

CREATE TABLE {{schema}}.accounts (
    seq bigint NOT NULL,
    aws_account_id text NOT NULL,
    id text NOT NULL,
    name text NOT NULL,
    account_type text NOT NULL,
    created_at bigint NOT NULL,
    default_license text NOT NULL,
    supported_licenses text NOT NULL,
    status text NOT NULL,
    signin_delegate_groups text NOT NULL,
    disable_remote_control bigint DEFAULT 0 NOT NULL,
    enable_dial_out bigint DEFAULT 0 NOT NULL
);


--
-- Name: accounts_seq_seq; Type: SEQUENCE; Schema: {{schema}}; Owner: -
--

ALTER TABLE {{schema}}.accounts ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME {{schema}}.accounts_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: meta; Type: TABLE; Schema: {{schema}}; Owner: -
--

CREATE TABLE {{schema}}.meta (
    key text NOT NULL,
    value text NOT NULL
);


--
-- Name: schema_migrations; Type: TABLE; Schema: {{schema}}; Owner: -
--

CREATE TABLE {{schema}}.schema_migrations (
    version integer NOT NULL
);


--
-- Name: users; Type: TABLE; Schema: {{schema}}; Owner: -
--

CREATE TABLE {{schema}}.users (
    seq bigint NOT NULL,
    aws_account_id text NOT NULL,
    account_id text NOT NULL,
    id text NOT NULL,
    email text NOT NULL,
    email_key text NOT NULL,
    username text DEFAULT ''::text NOT NULL,
    display_name text DEFAULT ''::text NOT NULL,
    phone_number text DEFAULT ''::text NOT NULL,
    license text NOT NULL,
    user_type text NOT NULL,
    registration text NOT NULL,
    invitation text DEFAULT ''::text NOT NULL,
    registered_on bigint,
    invited_on bigint,
    a4b_enabled bigint DEFAULT 0 NOT NULL,
    a4b_room_arn text DEFAULT ''::text NOT NULL,
    personal_pin text DEFAULT ''::text NOT NULL,
    inbound_calling bigint DEFAULT 0 NOT NULL,
    outbound_calling bigint DEFAULT 0 NOT NULL,
    sms bigint DEFAULT 0 NOT NULL,
    last_logout_at bigint
);


--
-- Name: users_seq_seq; Type: SEQUENCE; Schema: {{schema}}; Owner: -
--

ALTER TABLE {{schema}}.users ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME {{schema}}.users_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Data for Name: accounts; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (1, '111122223333', 'af6a7fc4-5759-4278-8487-840a656a1804', 'Team Alpha Renamed', 'Team', 1796011633802, 'Basic', 'Basic,Pro', 'Active', '[]', 1, 0);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (2, '111122223333', 'da05fa7e-c7ff-4ac9-934b-9d9d66513147', 'LWA Corp', 'EnterpriseLWA', 1796011633833, 'Pro', 'Basic,Pro', 'Active', '[]', 0, 0);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (3, '111122223333', 'c63c1d3a-2ce0-4afe-9684-d0d6339d42b1', 'Directory Corp', 'EnterpriseDirectory', 1796011633883, 'Pro', 'Basic,Pro', 'Active', '["engineering","support"]', 0, 1);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (4, '111122223333', 'eaf18c46-76aa-4bf7-b77e-44706445b3bf', 'OIDC Corp', 'EnterpriseOIDC', 1796011633919, 'Pro', 'Basic,Pro', 'Active', '["oidc-users"]', 0, 0);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (5, '111122223333', '9aeb61f8-e5f8-4a60-875f-c15081613f20', 'Suspended Corp', 'EnterpriseDirectory', 1796011633934, 'Pro', 'Basic,Pro', 'Suspended', '[]', 0, 0);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (6, '444455556666', 'f91fb002-e901-43c0-9d41-59270e2a1369', 'Beta Team', 'Team', 1796011633949, 'Pro', 'Basic,Pro', 'Active', '[]', 0, 0);


--
-- Data for Name: meta; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.meta (key, value) VALUES ('secret:pagination', 'aa1180c39f7947ea8573f721d4241eab45b02ace3a6a9c4b6d2beb8b5b922f54');


--
-- Data for Name: schema_migrations; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.schema_migrations (version) VALUES (1);


--
-- Data for Name: users; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (1, '111122223333', 'af6a7fc4-5759-4278-8487-840a656a1804', '429551bb-f250-4e3c-b35a-b4922552283f', 'ann@team.example.com', 'ann@team.example.com', '', '', '', 'Basic', 'PrivateUser', 'Unregistered', 'Pending', NULL, 1796011633813, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (3, '111122223333', 'af6a7fc4-5759-4278-8487-840a656a1804', '06f73833-7c3d-4867-9c1f-2560c6612d5b', 'cat@team.example.com', 'cat@team.example.com', '', '', '', 'Basic', 'PrivateUser', 'Unregistered', 'Pending', NULL, 1796011633813, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (4, '111122223333', 'af6a7fc4-5759-4278-8487-840a656a1804', 'dce6a646-132c-4fc4-9481-d5b6a5ea9e2e', 'lobby@team.example.com', 'lobby@team.example.com', '', '', '', 'Basic', 'SharedDevice', 'Unregistered', 'Pending', NULL, 1796011633821, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (8, '111122223333', 'da05fa7e-c7ff-4ac9-934b-9d9d66513147', '7229ad1c-aec1-4a69-9503-f0e96f7c2c4e', 'carol@lwa.example.com', 'carol@lwa.example.com', 'Carol', 'Carol', '', 'Pro', 'PrivateUser', 'Suspended', '', 1796011633844, NULL, 0, '', '0686885978', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (9, '111122223333', 'da05fa7e-c7ff-4ac9-934b-9d9d66513147', '062ca3d6-9c0a-4937-98ec-ab2adf87884d', 'dave@lwa.example.com', 'dave@lwa.example.com', 'Dave', 'Dave', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011633849, NULL, 0, '', '0174601065', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (7, '111122223333', 'da05fa7e-c7ff-4ac9-934b-9d9d66513147', '159c26b8-6333-4bd3-b393-dc58c53c18f9', 'boardroom@lwa.example.com', 'boardroom@lwa.example.com', '', 'Room Device', '', 'Pro', 'SharedDevice', 'Registered', '', 1796011633841, NULL, 1, 'arn:aws:a4b:us-east-1:111122223333:room/boardroom', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (6, '111122223333', 'da05fa7e-c7ff-4ac9-934b-9d9d66513147', '524292ad-ecf3-4186-99cb-effe9f28389f', 'Bob@LWA.example.com', 'bob@lwa.example.com', '', 'Bob', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011633838, NULL, 0, '', '0604887261', 0, 0, 0, 1796011633868);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (5, '111122223333', 'da05fa7e-c7ff-4ac9-934b-9d9d66513147', 'cefa2ba0-cc8f-4d40-b2fa-f026131d5b51', 'alice@lwa.example.com', 'alice@lwa.example.com', 'Alice Example', 'Alice Example', '', 'Basic', 'PrivateUser', 'Registered', '', 1796011633835, NULL, 0, '', '9191815961', 1, 1, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (10, '111122223333', 'c63c1d3a-2ce0-4afe-9684-d0d6339d42b1', '3ea962dd-cd47-4a7e-ac5b-95c52f4caaad', 'erin@directory.example.com', 'erin@directory.example.com', 'Erin', 'Erin', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011633902, NULL, 0, '', '3634120071', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (11, '111122223333', 'c63c1d3a-2ce0-4afe-9684-d0d6339d42b1', 'a215a5f3-d2ff-467a-9907-1847616e2b40', 'frank@directory.example.com', 'frank@directory.example.com', 'Frank', 'Frank', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011633904, NULL, 0, '', '6949482946', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (12, '111122223333', 'c63c1d3a-2ce0-4afe-9684-d0d6339d42b1', '839d18b1-4e51-4e54-bf75-50ecee168878', 'hall@directory.example.com', 'hall@directory.example.com', '', 'Room Device', '', 'Pro', 'SharedDevice', 'Registered', '', 1796011633906, NULL, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (13, '111122223333', 'c63c1d3a-2ce0-4afe-9684-d0d6339d42b1', 'e8bc718c-59e6-468a-8233-38503e236ec2', 'Jane.Doe@directory.example.com', 'jane.doe@directory.example.com', 'Jane', 'Jane', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011633910, NULL, 0, '', '0404678596', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (14, '111122223333', 'c63c1d3a-2ce0-4afe-9684-d0d6339d42b1', '9c976f0f-3b68-4b2c-9840-581a4485f08e', 'ｊａｎｅ.doe@directory.example.com', 'ｊａｎｅ.doe@directory.example.com', 'Jane Lookalike', 'Jane Lookalike', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011633914, NULL, 0, '', '3944652637', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (15, '111122223333', 'c63c1d3a-2ce0-4afe-9684-d0d6339d42b1', '97460dc9-c26a-4bfe-8c51-eeaab1532324', 'Ｇｒａｃｅ@directory.example.com', 'ｇｒａｃｅ@directory.example.com', 'Grace', 'Grace', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011633918, NULL, 0, '', '8359982838', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (16, '111122223333', 'eaf18c46-76aa-4bf7-b77e-44706445b3bf', 'f9b3d607-d233-421f-9b9d-f67d5976b4c2', 'olga@oidc.example.com', 'olga@oidc.example.com', 'Olga', 'Olga', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011633931, NULL, 0, '', '6493509255', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (17, '111122223333', '9aeb61f8-e5f8-4a60-875f-c15081613f20', '502b6bf9-d5e7-4387-abb0-c7dba7ec68eb', 'sam@suspended.example.com', 'sam@suspended.example.com', 'Sam', 'Sam', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011633941, NULL, 0, '', '0948480780', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (18, '444455556666', 'f91fb002-e901-43c0-9d41-59270e2a1369', 'f3abdccb-5170-494b-b0c8-47c052aea408', 'alice@lwa.example.com', 'alice@lwa.example.com', '', '', '', 'Pro', 'PrivateUser', 'Unregistered', 'Pending', NULL, 1796011633956, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (19, '444455556666', 'f91fb002-e901-43c0-9d41-59270e2a1369', 'c57581be-134a-4aba-8f88-cbce0fab5a1a', 'zed@beta.example.com', 'zed@beta.example.com', '', '', '', 'Pro', 'PrivateUser', 'Unregistered', 'Pending', NULL, 1796011633956, 0, '', '', 0, 0, 0, NULL);


--
-- Name: accounts_seq_seq; Type: SEQUENCE SET; Schema: {{schema}}; Owner: -
--

SELECT pg_catalog.setval('{{schema}}.accounts_seq_seq', 6, true);


--
-- Name: users_seq_seq; Type: SEQUENCE SET; Schema: {{schema}}; Owner: -
--

SELECT pg_catalog.setval('{{schema}}.users_seq_seq', 19, true);


--
-- Name: accounts accounts_aws_account_id_id_key; Type: CONSTRAINT; Schema: {{schema}}; Owner: -
--

ALTER TABLE ONLY {{schema}}.accounts
    ADD CONSTRAINT accounts_aws_account_id_id_key UNIQUE (aws_account_id, id);


--
-- Name: accounts accounts_pkey; Type: CONSTRAINT; Schema: {{schema}}; Owner: -
--

ALTER TABLE ONLY {{schema}}.accounts
    ADD CONSTRAINT accounts_pkey PRIMARY KEY (seq);


--
-- Name: meta meta_pkey; Type: CONSTRAINT; Schema: {{schema}}; Owner: -
--

ALTER TABLE ONLY {{schema}}.meta
    ADD CONSTRAINT meta_pkey PRIMARY KEY (key);


--
-- Name: schema_migrations schema_migrations_pkey; Type: CONSTRAINT; Schema: {{schema}}; Owner: -
--

ALTER TABLE ONLY {{schema}}.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (version);


--
-- Name: users users_aws_account_id_account_id_id_key; Type: CONSTRAINT; Schema: {{schema}}; Owner: -
--

ALTER TABLE ONLY {{schema}}.users
    ADD CONSTRAINT users_aws_account_id_account_id_id_key UNIQUE (aws_account_id, account_id, id);


--
-- Name: users users_aws_account_id_email_key_key; Type: CONSTRAINT; Schema: {{schema}}; Owner: -
--

ALTER TABLE ONLY {{schema}}.users
    ADD CONSTRAINT users_aws_account_id_email_key_key UNIQUE (aws_account_id, email_key);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: {{schema}}; Owner: -
--

ALTER TABLE ONLY {{schema}}.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (seq);


--
-- Name: users_by_account; Type: INDEX; Schema: {{schema}}; Owner: -
--

CREATE INDEX users_by_account ON {{schema}}.users USING btree (aws_account_id, account_id, seq);


--
-- PostgreSQL database dump complete
--


