-- Upgrade fixture: a database at schema version 2, written through the API
-- by chime at commit e5121508fc0c316a5dbad5b03cc6b5c2bb43c202.
-- Regenerate, do not edit: go run ./internal/schemafixture/generate -version 2 -commit e5121508fc0c
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

INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (1, '111122223333', 'b9e0d755-800d-4c1f-8c82-6e8c4a9f9c5c', 'Team Alpha Renamed', 'Team', 1796011642578, 'Basic', 'Basic,Pro', 'Active', '[]', 1, 0);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (2, '111122223333', '0e34f15b-730d-40f7-992e-8c2cc6f8e83d', 'LWA Corp', 'EnterpriseLWA', 1796011642588, 'Pro', 'Basic,Pro', 'Active', '[]', 0, 0);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (3, '111122223333', '343b33e4-5f3b-48e1-827d-dff7750763fe', 'Directory Corp', 'EnterpriseDirectory', 1796011642607, 'Pro', 'Basic,Pro', 'Active', '["engineering","support"]', 0, 1);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (4, '111122223333', 'f6d1f60f-deb9-48da-a56f-e339da3c327a', 'OIDC Corp', 'EnterpriseOIDC', 1796011642617, 'Pro', 'Basic,Pro', 'Active', '["oidc-users"]', 0, 0);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (5, '111122223333', 'd3545afd-2870-4c35-877b-e7819f80349b', 'Suspended Corp', 'EnterpriseDirectory', 1796011642620, 'Pro', 'Basic,Pro', 'Suspended', '[]', 0, 0);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (6, '444455556666', '7c47f08b-b588-4c01-8471-e359de00ce91', 'Beta Team', 'Team', 1796011642623, 'Pro', 'Basic,Pro', 'Active', '[]', 0, 0);


--
-- Data for Name: meta; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.meta (key, value) VALUES ('secret:pagination', '17c9d191589dbb7b9e1bc9d3a4bc874c0a87e6586e55dd0a2c3b61564ab0c06e');


--
-- Data for Name: schema_migrations; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.schema_migrations (version) VALUES (1);
INSERT INTO {{schema}}.schema_migrations (version) VALUES (2);


--
-- Data for Name: users; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (1, '111122223333', 'b9e0d755-800d-4c1f-8c82-6e8c4a9f9c5c', '29ca27ef-da03-44c5-941c-9f2d09554464', 'ann@team.example.com', 'ann@team.example.com', '', '', '', 'Basic', 'PrivateUser', 'Unregistered', 'Pending', NULL, 1796011642582, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (3, '111122223333', 'b9e0d755-800d-4c1f-8c82-6e8c4a9f9c5c', 'd8c25e9d-1ce6-4cd0-871e-910c397ab5d3', 'cat@team.example.com', 'cat@team.example.com', '', '', '', 'Basic', 'PrivateUser', 'Unregistered', 'Pending', NULL, 1796011642582, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (4, '111122223333', 'b9e0d755-800d-4c1f-8c82-6e8c4a9f9c5c', '72479021-47ee-4b55-80af-a4a46134b9a6', 'lobby@team.example.com', 'lobby@team.example.com', '', '', '', 'Basic', 'SharedDevice', 'Unregistered', 'Pending', NULL, 1796011642585, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (8, '111122223333', '0e34f15b-730d-40f7-992e-8c2cc6f8e83d', 'afcbaf6f-267c-4c98-866e-e152c0832405', 'carol@lwa.example.com', 'carol@lwa.example.com', 'Carol', 'Carol', '', 'Pro', 'PrivateUser', 'Suspended', '', 1796011642592, NULL, 0, '', '0873501197', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (9, '111122223333', '0e34f15b-730d-40f7-992e-8c2cc6f8e83d', '6d97a463-496d-43ae-b64e-ce5da1bde6f9', 'dave@lwa.example.com', 'dave@lwa.example.com', 'Dave', 'Dave', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011642593, NULL, 0, '', '9366351806', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (7, '111122223333', '0e34f15b-730d-40f7-992e-8c2cc6f8e83d', 'bfb1a719-ebe3-44e8-9a7c-b34f64dab205', 'boardroom@lwa.example.com', 'boardroom@lwa.example.com', '', 'Room Device', '', 'Pro', 'SharedDevice', 'Registered', '', 1796011642591, NULL, 1, 'arn:aws:a4b:us-east-1:111122223333:room/boardroom', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (6, '111122223333', '0e34f15b-730d-40f7-992e-8c2cc6f8e83d', '793f1889-40d6-433a-8360-282d59c9f518', 'Bob@LWA.example.com', 'bob@lwa.example.com', '', 'Bob', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011642590, NULL, 0, '', '1684242109', 0, 0, 0, 1796011642604);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (5, '111122223333', '0e34f15b-730d-40f7-992e-8c2cc6f8e83d', 'c357536e-17d0-4398-be33-30b04216643f', 'alice@lwa.example.com', 'alice@lwa.example.com', 'Alice Example', 'Alice Example', '', 'Basic', 'PrivateUser', 'Registered', '', 1796011642589, NULL, 0, '', '2896628508', 1, 1, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (10, '111122223333', '343b33e4-5f3b-48e1-827d-dff7750763fe', 'fb66380d-5ac8-4556-82a3-80192ec2f733', 'erin@directory.example.com', 'erin@directory.example.com', 'Erin', 'Erin', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011642611, NULL, 0, '', '7427202850', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (11, '111122223333', '343b33e4-5f3b-48e1-827d-dff7750763fe', '620bcf11-fb41-4f2c-b08a-6f52ea8b7bea', 'frank@directory.example.com', 'frank@directory.example.com', 'Frank', 'Frank', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011642612, NULL, 0, '', '3462429159', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (12, '111122223333', '343b33e4-5f3b-48e1-827d-dff7750763fe', 'd0d0c889-da7e-4088-ae3a-36ce2911182d', 'hall@directory.example.com', 'hall@directory.example.com', '', 'Room Device', '', 'Pro', 'SharedDevice', 'Registered', '', 1796011642614, NULL, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (13, '111122223333', '343b33e4-5f3b-48e1-827d-dff7750763fe', '9e5ea380-d380-4086-9e87-c8aa492a2967', 'Jane.Doe@directory.example.com', 'jane.doe@directory.example.com', 'Jane', 'Jane', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011642615, NULL, 0, '', '3634159284', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (14, '111122223333', '343b33e4-5f3b-48e1-827d-dff7750763fe', '8ea6e566-6542-47c0-976a-46026448bbe2', 'ｊａｎｅ.doe@directory.example.com', 'ｊａｎｅ.doe@directory.example.com', 'Jane Lookalike', 'Jane Lookalike', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011642616, NULL, 0, '', '1533741867', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (15, '111122223333', '343b33e4-5f3b-48e1-827d-dff7750763fe', '1eee9a5a-37ba-4a9a-a8f1-e9c3c62f24d0', 'Ｇｒａｃｅ@directory.example.com', 'ｇｒａｃｅ@directory.example.com', 'Grace', 'Grace', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011642616, NULL, 0, '', '4245798908', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (16, '111122223333', 'f6d1f60f-deb9-48da-a56f-e339da3c327a', '4fb1ec41-0001-4321-bd14-c366c19ead0c', 'olga@oidc.example.com', 'olga@oidc.example.com', 'Olga', 'Olga', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011642619, NULL, 0, '', '4491261495', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (17, '111122223333', 'd3545afd-2870-4c35-877b-e7819f80349b', 'd4ef893a-b8f1-4911-8ef3-28ee32f592c7', 'sam@suspended.example.com', 'sam@suspended.example.com', 'Sam', 'Sam', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011642621, NULL, 0, '', '0069718270', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (18, '444455556666', '7c47f08b-b588-4c01-8471-e359de00ce91', '5cf21588-7ec0-4a72-be96-01db1e87add8', 'alice@lwa.example.com', 'alice@lwa.example.com', '', '', '', 'Pro', 'PrivateUser', 'Unregistered', 'Pending', NULL, 1796011642624, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (19, '444455556666', '7c47f08b-b588-4c01-8471-e359de00ce91', '90711581-9eae-4826-afb7-e22cdd99f5e5', 'zed@beta.example.com', 'zed@beta.example.com', '', '', '', 'Pro', 'PrivateUser', 'Unregistered', 'Pending', NULL, 1796011642624, 0, '', '', 0, 0, 0, NULL);


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
-- Name: users_by_id; Type: INDEX; Schema: {{schema}}; Owner: -
--

CREATE UNIQUE INDEX users_by_id ON {{schema}}.users USING btree (id);


--
-- PostgreSQL database dump complete
--


