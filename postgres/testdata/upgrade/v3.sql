-- Upgrade fixture: a database at schema version 3, written through the API
-- by chime at commit b8cd2cade4d0e3845e7f72c0b5a901681f64b496.
-- Regenerate, do not edit: go run ./internal/schemafixture/generate -version 3 -commit b8cd2cade4d0
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

INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (1, '111122223333', '38d02a29-0f96-4dc9-b56d-a0a293257b9e', 'Team Alpha Renamed', 'Team', 1796011645875, 'Basic', 'Basic,Pro', 'Active', '[]', 1, 0);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (2, '111122223333', '31b6eb00-0cae-4d0b-b6e5-80c07cf931cb', 'LWA Corp', 'EnterpriseLWA', 1796011645886, 'Pro', 'Basic,Pro', 'Active', '[]', 0, 0);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (3, '111122223333', '54bffc6b-09fb-4c5d-917d-dc1d5a492a0b', 'Directory Corp', 'EnterpriseDirectory', 1796011645902, 'Pro', 'Basic,Pro', 'Active', '["engineering","support"]', 0, 1);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (4, '111122223333', '90c25b25-5ad9-4f38-8d63-f004f32522dc', 'OIDC Corp', 'EnterpriseOIDC', 1796011645908, 'Pro', 'Basic,Pro', 'Active', '["oidc-users"]', 0, 0);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (5, '111122223333', '17c1b8d4-ca99-49ef-b38b-62bacf2b541b', 'Suspended Corp', 'EnterpriseDirectory', 1796011645910, 'Pro', 'Basic,Pro', 'Suspended', '[]', 0, 0);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (6, '444455556666', '677d2010-ffe1-44c8-8a0b-a3a1985fd211', 'Beta Team', 'Team', 1796011645913, 'Pro', 'Basic,Pro', 'Active', '[]', 0, 0);


--
-- Data for Name: meta; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.meta (key, value) VALUES ('secret:pagination', 'bc0257c5bfb6fcb633b865e1b496e26ebfc485250acd866fe9be53c743b63150');


--
-- Data for Name: schema_migrations; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.schema_migrations (version) VALUES (1);
INSERT INTO {{schema}}.schema_migrations (version) VALUES (2);
INSERT INTO {{schema}}.schema_migrations (version) VALUES (3);


--
-- Data for Name: users; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (1, '111122223333', '38d02a29-0f96-4dc9-b56d-a0a293257b9e', '711fb677-cbef-4b47-aa30-e320eb0d586c', 'ann@team.example.com', 'ann@team.example.com', '', '', '', 'Basic', 'PrivateUser', 'Unregistered', 'Pending', NULL, 1796011645881, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (3, '111122223333', '38d02a29-0f96-4dc9-b56d-a0a293257b9e', '9cc2383c-95cb-4b62-8291-df83fc20718d', 'cat@team.example.com', 'cat@team.example.com', '', '', '', 'Basic', 'PrivateUser', 'Unregistered', 'Pending', NULL, 1796011645881, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (4, '111122223333', '38d02a29-0f96-4dc9-b56d-a0a293257b9e', '81218e2c-7c89-45ab-81d7-e22309bbd2c9', 'lobby@team.example.com', 'lobby@team.example.com', '', '', '', 'Basic', 'SharedDevice', 'Unregistered', 'Pending', NULL, 1796011645883, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (8, '111122223333', '31b6eb00-0cae-4d0b-b6e5-80c07cf931cb', '2912ec96-4a1d-4c9d-be2a-be9e4160f87c', 'carol@lwa.example.com', 'carol@lwa.example.com', 'Carol', 'Carol', '', 'Pro', 'PrivateUser', 'Suspended', '', 1796011645891, NULL, 0, '', '8821550968', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (9, '111122223333', '31b6eb00-0cae-4d0b-b6e5-80c07cf931cb', 'c0941757-be83-42da-9235-ec7e9b8313fc', 'dave@lwa.example.com', 'dave@lwa.example.com', 'Dave', 'Dave', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011645892, NULL, 0, '', '3676032541', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (7, '111122223333', '31b6eb00-0cae-4d0b-b6e5-80c07cf931cb', '3f770a29-9e9c-443b-869a-0f13d2ca67ef', 'boardroom@lwa.example.com', 'boardroom@lwa.example.com', '', 'Room Device', '', 'Pro', 'SharedDevice', 'Registered', '', 1796011645890, NULL, 1, 'arn:aws:a4b:us-east-1:111122223333:room/boardroom', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (6, '111122223333', '31b6eb00-0cae-4d0b-b6e5-80c07cf931cb', '0651ac64-5cfc-4fd0-82cd-f830f791ddbb', 'Bob@LWA.example.com', 'bob@lwa.example.com', '', 'Bob', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011645889, NULL, 0, '', '0429183804', 0, 0, 0, 1796011645898);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (5, '111122223333', '31b6eb00-0cae-4d0b-b6e5-80c07cf931cb', 'e8b6aaa2-5570-4c1d-a244-199bcb1c456f', 'alice@lwa.example.com', 'alice@lwa.example.com', 'Alice Example', 'Alice Example', '', 'Basic', 'PrivateUser', 'Registered', '', 1796011645888, NULL, 0, '', '8952133311', 1, 1, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (10, '111122223333', '54bffc6b-09fb-4c5d-917d-dc1d5a492a0b', '76ca0aaa-71c0-48a9-a927-bf121f6d2e7f', 'erin@directory.example.com', 'erin@directory.example.com', 'Erin', 'Erin', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011645906, NULL, 0, '', '5522690186', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (11, '111122223333', '54bffc6b-09fb-4c5d-917d-dc1d5a492a0b', 'bd71e061-20f8-437c-981c-fbcede47dc00', 'frank@directory.example.com', 'frank@directory.example.com', 'Frank', 'Frank', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011645906, NULL, 0, '', '8482491072', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (12, '111122223333', '54bffc6b-09fb-4c5d-917d-dc1d5a492a0b', '1da880e6-58fb-4e62-875a-58cd84ba20d6', 'hall@directory.example.com', 'hall@directory.example.com', '', 'Room Device', '', 'Pro', 'SharedDevice', 'Registered', '', 1796011645907, NULL, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (13, '111122223333', '90c25b25-5ad9-4f38-8d63-f004f32522dc', '530d57f2-9af2-48b9-aa79-772aeccf0501', 'olga@oidc.example.com', 'olga@oidc.example.com', 'Olga', 'Olga', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011645910, NULL, 0, '', '1541284979', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (14, '111122223333', '17c1b8d4-ca99-49ef-b38b-62bacf2b541b', 'f87656c8-f557-4cad-87eb-c2884a7ec4ba', 'sam@suspended.example.com', 'sam@suspended.example.com', 'Sam', 'Sam', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011645911, NULL, 0, '', '8423195281', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (15, '444455556666', '677d2010-ffe1-44c8-8a0b-a3a1985fd211', 'fd7d063b-9d03-4be0-82dd-5274529d438d', 'alice@lwa.example.com', 'alice@lwa.example.com', '', '', '', 'Pro', 'PrivateUser', 'Unregistered', 'Pending', NULL, 1796011645913, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (16, '444455556666', '677d2010-ffe1-44c8-8a0b-a3a1985fd211', '3c83828d-2fdb-40cc-b0f8-cee36f067c8d', 'zed@beta.example.com', 'zed@beta.example.com', '', '', '', 'Pro', 'PrivateUser', 'Unregistered', 'Pending', NULL, 1796011645913, 0, '', '', 0, 0, 0, NULL);


--
-- Name: accounts_seq_seq; Type: SEQUENCE SET; Schema: {{schema}}; Owner: -
--

SELECT pg_catalog.setval('{{schema}}.accounts_seq_seq', 6, true);


--
-- Name: users_seq_seq; Type: SEQUENCE SET; Schema: {{schema}}; Owner: -
--

SELECT pg_catalog.setval('{{schema}}.users_seq_seq', 16, true);


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


