-- Upgrade fixture: a database at schema version 6, written through the API
-- by chime at commit b2a9c394bfb437c158c9bffa42f687cb6f98c2f1.
-- Regenerate, do not edit: go run ./internal/schemafixture/generate -version 6 -commit b2a9c394bfb4
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
-- Name: aws_account_settings; Type: TABLE; Schema: {{schema}}; Owner: -
--

CREATE TABLE {{schema}}.aws_account_settings (
    seq bigint NOT NULL,
    aws_account_id text NOT NULL,
    calling_name text DEFAULT ''::text NOT NULL,
    calling_name_updated_at bigint,
    business_calling_cdr_bucket text DEFAULT ''::text NOT NULL,
    voice_connector_cdr_bucket text DEFAULT ''::text NOT NULL
);


--
-- Name: aws_account_settings_seq_seq; Type: SEQUENCE; Schema: {{schema}}; Owner: -
--

ALTER TABLE {{schema}}.aws_account_settings ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME {{schema}}.aws_account_settings_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: bot_events_configurations; Type: TABLE; Schema: {{schema}}; Owner: -
--

CREATE TABLE {{schema}}.bot_events_configurations (
    seq bigint NOT NULL,
    aws_account_id text NOT NULL,
    account_id text NOT NULL,
    bot_id text NOT NULL,
    https_endpoint text DEFAULT ''::text NOT NULL,
    lambda_function_arn text DEFAULT ''::text NOT NULL
);


--
-- Name: bot_events_configurations_seq_seq; Type: SEQUENCE; Schema: {{schema}}; Owner: -
--

ALTER TABLE {{schema}}.bot_events_configurations ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME {{schema}}.bot_events_configurations_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: bots; Type: TABLE; Schema: {{schema}}; Owner: -
--

CREATE TABLE {{schema}}.bots (
    seq bigint NOT NULL,
    aws_account_id text NOT NULL,
    account_id text NOT NULL,
    id text NOT NULL,
    display_name text NOT NULL,
    email text NOT NULL,
    email_key text NOT NULL,
    disabled bigint DEFAULT 0 NOT NULL,
    security_token text NOT NULL,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL
);


--
-- Name: bots_seq_seq; Type: SEQUENCE; Schema: {{schema}}; Owner: -
--

ALTER TABLE {{schema}}.bots ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME {{schema}}.bots_seq_seq
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
-- Name: phone_number_orders; Type: TABLE; Schema: {{schema}}; Owner: -
--

CREATE TABLE {{schema}}.phone_number_orders (
    seq bigint NOT NULL,
    aws_account_id text NOT NULL,
    id text NOT NULL,
    product_type text NOT NULL,
    numbers text NOT NULL,
    created_at bigint NOT NULL,
    completes_at bigint NOT NULL
);


--
-- Name: phone_number_orders_seq_seq; Type: SEQUENCE; Schema: {{schema}}; Owner: -
--

ALTER TABLE {{schema}}.phone_number_orders ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME {{schema}}.phone_number_orders_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: phone_numbers; Type: TABLE; Schema: {{schema}}; Owner: -
--

CREATE TABLE {{schema}}.phone_numbers (
    seq bigint NOT NULL,
    aws_account_id text NOT NULL,
    e164 text NOT NULL,
    country text NOT NULL,
    number_type text NOT NULL,
    product_type text NOT NULL,
    status text NOT NULL,
    inbound_call bigint DEFAULT 0 NOT NULL,
    outbound_call bigint DEFAULT 0 NOT NULL,
    inbound_sms bigint DEFAULT 0 NOT NULL,
    outbound_sms bigint DEFAULT 0 NOT NULL,
    inbound_mms bigint DEFAULT 0 NOT NULL,
    outbound_mms bigint DEFAULT 0 NOT NULL,
    associations text DEFAULT '[]'::text NOT NULL,
    calling_name text DEFAULT ''::text NOT NULL,
    calling_name_status text NOT NULL,
    calling_name_set_at bigint,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL,
    acquired_at bigint,
    deleted_at bigint
);


--
-- Name: phone_numbers_seq_seq; Type: SEQUENCE; Schema: {{schema}}; Owner: -
--

ALTER TABLE {{schema}}.phone_numbers ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME {{schema}}.phone_numbers_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: retention_settings; Type: TABLE; Schema: {{schema}}; Owner: -
--

CREATE TABLE {{schema}}.retention_settings (
    seq bigint NOT NULL,
    aws_account_id text NOT NULL,
    account_id text NOT NULL,
    room_days bigint DEFAULT 0 NOT NULL,
    conversation_days bigint DEFAULT 0 NOT NULL,
    initiate_deletion_at bigint
);


--
-- Name: retention_settings_seq_seq; Type: SEQUENCE; Schema: {{schema}}; Owner: -
--

ALTER TABLE {{schema}}.retention_settings ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME {{schema}}.retention_settings_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: room_memberships; Type: TABLE; Schema: {{schema}}; Owner: -
--

CREATE TABLE {{schema}}.room_memberships (
    seq bigint NOT NULL,
    aws_account_id text NOT NULL,
    account_id text NOT NULL,
    room_id text NOT NULL,
    member_id text NOT NULL,
    member_type text NOT NULL,
    email text NOT NULL,
    full_name text NOT NULL,
    role text NOT NULL,
    invited_by text NOT NULL,
    updated_at bigint NOT NULL
);


--
-- Name: room_memberships_seq_seq; Type: SEQUENCE; Schema: {{schema}}; Owner: -
--

ALTER TABLE {{schema}}.room_memberships ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME {{schema}}.room_memberships_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: rooms; Type: TABLE; Schema: {{schema}}; Owner: -
--

CREATE TABLE {{schema}}.rooms (
    seq bigint NOT NULL,
    aws_account_id text NOT NULL,
    account_id text NOT NULL,
    id text NOT NULL,
    name text NOT NULL,
    created_by text NOT NULL,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL,
    client_request_token text,
    client_request_name text
);


--
-- Name: rooms_seq_seq; Type: SEQUENCE; Schema: {{schema}}; Owner: -
--

ALTER TABLE {{schema}}.rooms ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME {{schema}}.rooms_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
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

INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (1, '111122223333', '617786ed-d1d9-451f-9dd9-4b7edf1ff60e', 'Team Alpha Renamed', 'Team', 1796011687983, 'Basic', 'Basic,Pro', 'Active', '[]', 1, 0);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (2, '111122223333', 'b824e214-31c1-4d34-8f3a-49b5322452f9', 'LWA Corp', 'EnterpriseLWA', 1796011687993, 'Pro', 'Basic,Pro', 'Active', '[]', 0, 0);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (3, '111122223333', 'ddf5ab1c-bd08-4bc2-93ef-2c87e17f96a5', 'Directory Corp', 'EnterpriseDirectory', 1796011688012, 'Pro', 'Basic,Pro', 'Active', '["engineering","support"]', 0, 1);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (4, '111122223333', '9fcb437c-491d-4a81-ac97-93eace35e5e5', 'OIDC Corp', 'EnterpriseOIDC', 1796011688019, 'Pro', 'Basic,Pro', 'Active', '["oidc-users"]', 0, 0);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (5, '111122223333', '9d98da2c-bc8e-4a89-a140-7bd95ad4a6d5', 'Suspended Corp', 'EnterpriseDirectory', 1796011688021, 'Pro', 'Basic,Pro', 'Suspended', '[]', 0, 0);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (6, '444455556666', '14fd9511-6e51-4354-b7a2-09d4d0a18b40', 'Beta Team', 'Team', 1796011688024, 'Pro', 'Basic,Pro', 'Active', '[]', 0, 0);


--
-- Data for Name: aws_account_settings; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.aws_account_settings (seq, aws_account_id, calling_name, calling_name_updated_at, business_calling_cdr_bucket, voice_connector_cdr_bucket) OVERRIDING SYSTEM VALUE VALUES (1, '111122223333', 'Fixture Co', 1796011688026, 'fixture-business-cdr', 'fixture-voice-cdr');
INSERT INTO {{schema}}.aws_account_settings (seq, aws_account_id, calling_name, calling_name_updated_at, business_calling_cdr_bucket, voice_connector_cdr_bucket) OVERRIDING SYSTEM VALUE VALUES (3, '444455556666', '', NULL, 'beta-business-cdr', '');


--
-- Data for Name: bot_events_configurations; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.bot_events_configurations (seq, aws_account_id, account_id, bot_id, https_endpoint, lambda_function_arn) OVERRIDING SYSTEM VALUE VALUES (1, '111122223333', 'ddf5ab1c-bd08-4bc2-93ef-2c87e17f96a5', '8d42459f-3be3-424f-bd0b-c74ed3dfb304', '', 'arn:aws:lambda:us-east-1:111122223333:function:helper');


--
-- Data for Name: bots; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.bots (seq, aws_account_id, account_id, id, display_name, email, email_key, disabled, security_token, created_at, updated_at) OVERRIDING SYSTEM VALUE VALUES (2, '111122223333', 'ddf5ab1c-bd08-4bc2-93ef-2c87e17f96a5', 'efca2dea-910a-44ed-90e0-993bcd004311', 'Reporter (Bot)', 'Reporter-chimebot@directory.example.com', 'reporter-chimebot@directory.example.com', 1, 'Ar4O4RV6syreiD000gDYWd+g3dl11/JgQKmWAiY5', 1796011690546, 1796011690547);
INSERT INTO {{schema}}.bots (seq, aws_account_id, account_id, id, display_name, email, email_key, disabled, security_token, created_at, updated_at) OVERRIDING SYSTEM VALUE VALUES (1, '111122223333', 'ddf5ab1c-bd08-4bc2-93ef-2c87e17f96a5', '8d42459f-3be3-424f-bd0b-c74ed3dfb304', 'Helper (Bot)', 'Helper-chimebot@directory.example.com', 'helper-chimebot@directory.example.com', 0, '0SoHpNASKqhghsXLvhxUsHJbKgvqLEf6sRnFkoJL', 1796011690543, 1796011690551);


--
-- Data for Name: meta; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.meta (key, value) VALUES ('secret:pagination', '8478f22448132dd5981258c432f6888f71cb7ec8d4f08202f2d7a4f1adf149f2');


--
-- Data for Name: phone_number_orders; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.phone_number_orders (seq, aws_account_id, id, product_type, numbers, created_at, completes_at) OVERRIDING SYSTEM VALUE VALUES (1, '444455556666', '15854c6e-8d79-4dc1-8ebe-f11cd4490270', 'BusinessCalling', '[{"E164":"+12065550105","Reserved":true}]', 1796011688030, 1796011689030);
INSERT INTO {{schema}}.phone_number_orders (seq, aws_account_id, id, product_type, numbers, created_at, completes_at) OVERRIDING SYSTEM VALUE VALUES (2, '111122223333', '83a098b3-1e00-4f98-ac09-f76f7ccce08c', 'BusinessCalling', '[{"E164":"+12065550100","Reserved":true},{"E164":"+12065550101","Reserved":true},{"E164":"+12065550102","Reserved":true},{"E164":"+12065550103","Reserved":true}]', 1796011688032, 1796011689032);
INSERT INTO {{schema}}.phone_number_orders (seq, aws_account_id, id, product_type, numbers, created_at, completes_at) OVERRIDING SYSTEM VALUE VALUES (3, '111122223333', 'f601f209-8eb3-4311-8875-b293b56a79fd', 'VoiceConnector', '[{"E164":"+18885550100","Reserved":true},{"E164":"+12065550105","Reserved":false}]', 1796011688034, 1796011689034);


--
-- Data for Name: phone_numbers; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.phone_numbers (seq, aws_account_id, e164, country, number_type, product_type, status, inbound_call, outbound_call, inbound_sms, outbound_sms, inbound_mms, outbound_mms, associations, calling_name, calling_name_status, calling_name_set_at, created_at, updated_at, acquired_at, deleted_at) OVERRIDING SYSTEM VALUE VALUES (1, '444455556666', '+12065550105', 'US', 'Local', 'BusinessCalling', 'AcquireInProgress', 1, 1, 1, 1, 1, 1, '[]', '', 'Unassigned', NULL, 1796011688030, 1796011688030, 1796011689030, NULL);
INSERT INTO {{schema}}.phone_numbers (seq, aws_account_id, e164, country, number_type, product_type, status, inbound_call, outbound_call, inbound_sms, outbound_sms, inbound_mms, outbound_mms, associations, calling_name, calling_name_status, calling_name_set_at, created_at, updated_at, acquired_at, deleted_at) OVERRIDING SYSTEM VALUE VALUES (6, '111122223333', '+18885550100', 'US', 'TollFree', 'VoiceConnector', 'AcquireInProgress', 1, 1, 0, 0, 0, 0, '[]', 'Fixture Co', 'UpdateInProgress', 1796011689034, 1796011688034, 1796011688034, 1796011689034, NULL);
INSERT INTO {{schema}}.phone_numbers (seq, aws_account_id, e164, country, number_type, product_type, status, inbound_call, outbound_call, inbound_sms, outbound_sms, inbound_mms, outbound_mms, associations, calling_name, calling_name_status, calling_name_set_at, created_at, updated_at, acquired_at, deleted_at) OVERRIDING SYSTEM VALUE VALUES (3, '111122223333', '+12065550101', 'US', 'Local', 'BusinessCalling', 'Unassigned', 1, 1, 1, 1, 1, 1, '[]', 'Sales Desk', 'UpdateInProgress', 1796011690536, 1796011688032, 1796011690536, 1796011689032, NULL);
INSERT INTO {{schema}}.phone_numbers (seq, aws_account_id, e164, country, number_type, product_type, status, inbound_call, outbound_call, inbound_sms, outbound_sms, inbound_mms, outbound_mms, associations, calling_name, calling_name_status, calling_name_set_at, created_at, updated_at, acquired_at, deleted_at) OVERRIDING SYSTEM VALUE VALUES (5, '111122223333', '+12065550103', 'US', 'Local', 'VoiceConnector', 'Unassigned', 1, 1, 1, 1, 1, 1, '[]', 'Fixture Co', 'UpdateSucceeded', 1796011689032, 1796011688032, 1796011690539, 1796011689032, NULL);
INSERT INTO {{schema}}.phone_numbers (seq, aws_account_id, e164, country, number_type, product_type, status, inbound_call, outbound_call, inbound_sms, outbound_sms, inbound_mms, outbound_mms, associations, calling_name, calling_name_status, calling_name_set_at, created_at, updated_at, acquired_at, deleted_at) OVERRIDING SYSTEM VALUE VALUES (2, '111122223333', '+12065550100', 'US', 'Local', 'BusinessCalling', 'Assigned', 1, 1, 1, 1, 1, 1, '[{"Name":"AccountId","Value":"b824e214-31c1-4d34-8f3a-49b5322452f9","AssociatedAt":1796011690540},{"Name":"UserId","Value":"06e95ff9-0aa2-46d9-9b11-978a5a7b04d1","AssociatedAt":1796011690540}]', 'Fixture Co', 'UpdateSucceeded', 1796011689032, 1796011688032, 1796011690540, 1796011689032, NULL);
INSERT INTO {{schema}}.phone_numbers (seq, aws_account_id, e164, country, number_type, product_type, status, inbound_call, outbound_call, inbound_sms, outbound_sms, inbound_mms, outbound_mms, associations, calling_name, calling_name_status, calling_name_set_at, created_at, updated_at, acquired_at, deleted_at) OVERRIDING SYSTEM VALUE VALUES (4, '111122223333', '+12065550102', 'US', 'Local', 'BusinessCalling', 'DeleteInProgress', 1, 1, 1, 1, 1, 1, '[]', 'Fixture Co', 'UpdateSucceeded', 1796011689032, 1796011688032, 1796011690541, 1796011689032, 1796011690541);


--
-- Data for Name: retention_settings; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.retention_settings (seq, aws_account_id, account_id, room_days, conversation_days, initiate_deletion_at) OVERRIDING SYSTEM VALUE VALUES (1, '111122223333', 'ddf5ab1c-bd08-4bc2-93ef-2c87e17f96a5', 30, 60, 1798603690563);


--
-- Data for Name: room_memberships; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.room_memberships (seq, aws_account_id, account_id, room_id, member_id, member_type, email, full_name, role, invited_by, updated_at) OVERRIDING SYSTEM VALUE VALUES (1, '111122223333', 'ddf5ab1c-bd08-4bc2-93ef-2c87e17f96a5', '67649fa0-50a1-4348-8f88-8b0c5130d3ea', '37060c34-22fb-4fe2-bb57-910efa858688', 'User', 'erin@directory.example.com', 'Erin', 'Administrator', 'arn:aws:iam::111122223333:root', 1796011690557);
INSERT INTO {{schema}}.room_memberships (seq, aws_account_id, account_id, room_id, member_id, member_type, email, full_name, role, invited_by, updated_at) OVERRIDING SYSTEM VALUE VALUES (3, '111122223333', 'ddf5ab1c-bd08-4bc2-93ef-2c87e17f96a5', '67649fa0-50a1-4348-8f88-8b0c5130d3ea', '8d42459f-3be3-424f-bd0b-c74ed3dfb304', 'Bot', 'Helper-chimebot@directory.example.com', 'Helper (Bot)', 'Member', 'arn:aws:iam::111122223333:root', 1796011690558);
INSERT INTO {{schema}}.room_memberships (seq, aws_account_id, account_id, room_id, member_id, member_type, email, full_name, role, invited_by, updated_at) OVERRIDING SYSTEM VALUE VALUES (2, '111122223333', 'ddf5ab1c-bd08-4bc2-93ef-2c87e17f96a5', '67649fa0-50a1-4348-8f88-8b0c5130d3ea', '66e8bd04-ae18-4673-843e-b7a5ccc6b13e', 'User', 'frank@directory.example.com', 'Frank', 'Administrator', 'arn:aws:iam::111122223333:root', 1796011690560);
INSERT INTO {{schema}}.room_memberships (seq, aws_account_id, account_id, room_id, member_id, member_type, email, full_name, role, invited_by, updated_at) OVERRIDING SYSTEM VALUE VALUES (4, '111122223333', 'ddf5ab1c-bd08-4bc2-93ef-2c87e17f96a5', '8734af50-b768-4763-bb1e-894513ad00ad', '37060c34-22fb-4fe2-bb57-910efa858688', 'User', 'erin@directory.example.com', 'Erin', 'Member', 'arn:aws:iam::111122223333:root', 1796011690562);


--
-- Data for Name: rooms; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.rooms (seq, aws_account_id, account_id, id, name, created_by, created_at, updated_at, client_request_token, client_request_name) OVERRIDING SYSTEM VALUE VALUES (1, '111122223333', 'ddf5ab1c-bd08-4bc2-93ef-2c87e17f96a5', '67649fa0-50a1-4348-8f88-8b0c5130d3ea', 'General', 'arn:aws:iam::111122223333:root', 1796011690552, 1796011690552, 'fixture-general', 'General');
INSERT INTO {{schema}}.rooms (seq, aws_account_id, account_id, id, name, created_by, created_at, updated_at, client_request_token, client_request_name) OVERRIDING SYSTEM VALUE VALUES (2, '111122223333', 'ddf5ab1c-bd08-4bc2-93ef-2c87e17f96a5', '8734af50-b768-4763-bb1e-894513ad00ad', 'Random Talk', 'arn:aws:iam::111122223333:root', 1796011690554, 1796011690556, 'b2fa251f-4da3-411e-957f-9d59dbcfba7e', 'Random');


--
-- Data for Name: schema_migrations; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.schema_migrations (version) VALUES (1);
INSERT INTO {{schema}}.schema_migrations (version) VALUES (2);
INSERT INTO {{schema}}.schema_migrations (version) VALUES (3);
INSERT INTO {{schema}}.schema_migrations (version) VALUES (4);
INSERT INTO {{schema}}.schema_migrations (version) VALUES (5);
INSERT INTO {{schema}}.schema_migrations (version) VALUES (6);


--
-- Data for Name: users; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (1, '111122223333', '617786ed-d1d9-451f-9dd9-4b7edf1ff60e', '438330b2-eb5b-4074-af2b-d20056835924', 'ann@team.example.com', 'ann@team.example.com', '', '', '', 'Basic', 'PrivateUser', 'Unregistered', 'Pending', NULL, 1796011687988, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (3, '111122223333', '617786ed-d1d9-451f-9dd9-4b7edf1ff60e', 'b74e8857-bcf5-45f0-b72e-609b04871151', 'cat@team.example.com', 'cat@team.example.com', '', '', '', 'Basic', 'PrivateUser', 'Unregistered', 'Pending', NULL, 1796011687988, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (4, '111122223333', '617786ed-d1d9-451f-9dd9-4b7edf1ff60e', '1af4458b-41e3-4f19-931a-e3e7102e78aa', 'lobby@team.example.com', 'lobby@team.example.com', '', '', '', 'Basic', 'SharedDevice', 'Unregistered', 'Pending', NULL, 1796011687990, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (8, '111122223333', 'b824e214-31c1-4d34-8f3a-49b5322452f9', '96a4086e-be95-4194-87be-6389399cea5b', 'carol@lwa.example.com', 'carol@lwa.example.com', 'Carol', 'Carol', '', 'Pro', 'PrivateUser', 'Suspended', '', 1796011688002, NULL, 0, '', '5254932128', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (9, '111122223333', 'b824e214-31c1-4d34-8f3a-49b5322452f9', '1c6aaacc-82c9-4076-a071-31f7ab876d1a', 'dave@lwa.example.com', 'dave@lwa.example.com', 'Dave', 'Dave', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011688003, NULL, 0, '', '4491171809', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (7, '111122223333', 'b824e214-31c1-4d34-8f3a-49b5322452f9', 'ad7d62e2-a020-4b56-b2ad-b1a120e40ce3', 'boardroom@lwa.example.com', 'boardroom@lwa.example.com', '', 'Room Device', '', 'Pro', 'SharedDevice', 'Registered', '', 1796011688001, NULL, 1, 'arn:aws:a4b:us-east-1:111122223333:room/boardroom', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (6, '111122223333', 'b824e214-31c1-4d34-8f3a-49b5322452f9', '4908a092-65fb-44f8-9466-f5c6882c03cb', 'Bob@LWA.example.com', 'bob@lwa.example.com', '', 'Bob', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011687999, NULL, 0, '', '0687676852', 0, 0, 0, 1796011688009);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (10, '111122223333', 'ddf5ab1c-bd08-4bc2-93ef-2c87e17f96a5', '37060c34-22fb-4fe2-bb57-910efa858688', 'erin@directory.example.com', 'erin@directory.example.com', 'Erin', 'Erin', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011688016, NULL, 0, '', '7509672353', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (11, '111122223333', 'ddf5ab1c-bd08-4bc2-93ef-2c87e17f96a5', '66e8bd04-ae18-4673-843e-b7a5ccc6b13e', 'frank@directory.example.com', 'frank@directory.example.com', 'Frank', 'Frank', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011688017, NULL, 0, '', '0202725505', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (12, '111122223333', 'ddf5ab1c-bd08-4bc2-93ef-2c87e17f96a5', 'd8df26a8-0c32-4257-89ab-1f6f6dfd3552', 'hall@directory.example.com', 'hall@directory.example.com', '', 'Room Device', '', 'Pro', 'SharedDevice', 'Registered', '', 1796011688018, NULL, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (13, '111122223333', '9fcb437c-491d-4a81-ac97-93eace35e5e5', 'fd512d92-3727-463c-9181-e21690a110b8', 'olga@oidc.example.com', 'olga@oidc.example.com', 'Olga', 'Olga', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011688021, NULL, 0, '', '7857526139', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (14, '111122223333', '9d98da2c-bc8e-4a89-a140-7bd95ad4a6d5', '1737c8f4-49b7-4fbe-8790-3fac1cda8937', 'sam@suspended.example.com', 'sam@suspended.example.com', 'Sam', 'Sam', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011688022, NULL, 0, '', '1320035522', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (15, '444455556666', '14fd9511-6e51-4354-b7a2-09d4d0a18b40', 'c06bd867-fcb9-44ac-84e0-83fc9722f69b', 'alice@lwa.example.com', 'alice@lwa.example.com', '', '', '', 'Pro', 'PrivateUser', 'Unregistered', 'Pending', NULL, 1796011688025, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (16, '444455556666', '14fd9511-6e51-4354-b7a2-09d4d0a18b40', '015eb9a2-9ae1-4f23-93b9-a22db2cc6e8d', 'zed@beta.example.com', 'zed@beta.example.com', '', '', '', 'Pro', 'PrivateUser', 'Unregistered', 'Pending', NULL, 1796011688025, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (5, '111122223333', 'b824e214-31c1-4d34-8f3a-49b5322452f9', '06e95ff9-0aa2-46d9-9b11-978a5a7b04d1', 'alice@lwa.example.com', 'alice@lwa.example.com', 'Alice Example', 'Alice Example', '+12065550100', 'Basic', 'PrivateUser', 'Registered', '', 1796011687997, NULL, 0, '', '7667662629', 1, 1, 0, NULL);


--
-- Name: accounts_seq_seq; Type: SEQUENCE SET; Schema: {{schema}}; Owner: -
--

SELECT pg_catalog.setval('{{schema}}.accounts_seq_seq', 6, true);


--
-- Name: aws_account_settings_seq_seq; Type: SEQUENCE SET; Schema: {{schema}}; Owner: -
--

SELECT pg_catalog.setval('{{schema}}.aws_account_settings_seq_seq', 3, true);


--
-- Name: bot_events_configurations_seq_seq; Type: SEQUENCE SET; Schema: {{schema}}; Owner: -
--

SELECT pg_catalog.setval('{{schema}}.bot_events_configurations_seq_seq', 1, true);


--
-- Name: bots_seq_seq; Type: SEQUENCE SET; Schema: {{schema}}; Owner: -
--

SELECT pg_catalog.setval('{{schema}}.bots_seq_seq', 2, true);


--
-- Name: phone_number_orders_seq_seq; Type: SEQUENCE SET; Schema: {{schema}}; Owner: -
--

SELECT pg_catalog.setval('{{schema}}.phone_number_orders_seq_seq', 3, true);


--
-- Name: phone_numbers_seq_seq; Type: SEQUENCE SET; Schema: {{schema}}; Owner: -
--

SELECT pg_catalog.setval('{{schema}}.phone_numbers_seq_seq', 6, true);


--
-- Name: retention_settings_seq_seq; Type: SEQUENCE SET; Schema: {{schema}}; Owner: -
--

SELECT pg_catalog.setval('{{schema}}.retention_settings_seq_seq', 1, true);


--
-- Name: room_memberships_seq_seq; Type: SEQUENCE SET; Schema: {{schema}}; Owner: -
--

SELECT pg_catalog.setval('{{schema}}.room_memberships_seq_seq', 4, true);


--
-- Name: rooms_seq_seq; Type: SEQUENCE SET; Schema: {{schema}}; Owner: -
--

SELECT pg_catalog.setval('{{schema}}.rooms_seq_seq', 2, true);


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
-- Name: aws_account_settings aws_account_settings_aws_account_id_key; Type: CONSTRAINT; Schema: {{schema}}; Owner: -
--

ALTER TABLE ONLY {{schema}}.aws_account_settings
    ADD CONSTRAINT aws_account_settings_aws_account_id_key UNIQUE (aws_account_id);


--
-- Name: aws_account_settings aws_account_settings_pkey; Type: CONSTRAINT; Schema: {{schema}}; Owner: -
--

ALTER TABLE ONLY {{schema}}.aws_account_settings
    ADD CONSTRAINT aws_account_settings_pkey PRIMARY KEY (seq);


--
-- Name: bot_events_configurations bot_events_configurations_aws_account_id_account_id_bot_id_key; Type: CONSTRAINT; Schema: {{schema}}; Owner: -
--

ALTER TABLE ONLY {{schema}}.bot_events_configurations
    ADD CONSTRAINT bot_events_configurations_aws_account_id_account_id_bot_id_key UNIQUE (aws_account_id, account_id, bot_id);


--
-- Name: bot_events_configurations bot_events_configurations_pkey; Type: CONSTRAINT; Schema: {{schema}}; Owner: -
--

ALTER TABLE ONLY {{schema}}.bot_events_configurations
    ADD CONSTRAINT bot_events_configurations_pkey PRIMARY KEY (seq);


--
-- Name: bots bots_aws_account_id_account_id_email_key_key; Type: CONSTRAINT; Schema: {{schema}}; Owner: -
--

ALTER TABLE ONLY {{schema}}.bots
    ADD CONSTRAINT bots_aws_account_id_account_id_email_key_key UNIQUE (aws_account_id, account_id, email_key);


--
-- Name: bots bots_aws_account_id_account_id_id_key; Type: CONSTRAINT; Schema: {{schema}}; Owner: -
--

ALTER TABLE ONLY {{schema}}.bots
    ADD CONSTRAINT bots_aws_account_id_account_id_id_key UNIQUE (aws_account_id, account_id, id);


--
-- Name: bots bots_pkey; Type: CONSTRAINT; Schema: {{schema}}; Owner: -
--

ALTER TABLE ONLY {{schema}}.bots
    ADD CONSTRAINT bots_pkey PRIMARY KEY (seq);


--
-- Name: meta meta_pkey; Type: CONSTRAINT; Schema: {{schema}}; Owner: -
--

ALTER TABLE ONLY {{schema}}.meta
    ADD CONSTRAINT meta_pkey PRIMARY KEY (key);


--
-- Name: phone_number_orders phone_number_orders_aws_account_id_id_key; Type: CONSTRAINT; Schema: {{schema}}; Owner: -
--

ALTER TABLE ONLY {{schema}}.phone_number_orders
    ADD CONSTRAINT phone_number_orders_aws_account_id_id_key UNIQUE (aws_account_id, id);


--
-- Name: phone_number_orders phone_number_orders_pkey; Type: CONSTRAINT; Schema: {{schema}}; Owner: -
--

ALTER TABLE ONLY {{schema}}.phone_number_orders
    ADD CONSTRAINT phone_number_orders_pkey PRIMARY KEY (seq);


--
-- Name: phone_numbers phone_numbers_e164_key; Type: CONSTRAINT; Schema: {{schema}}; Owner: -
--

ALTER TABLE ONLY {{schema}}.phone_numbers
    ADD CONSTRAINT phone_numbers_e164_key UNIQUE (e164);


--
-- Name: phone_numbers phone_numbers_pkey; Type: CONSTRAINT; Schema: {{schema}}; Owner: -
--

ALTER TABLE ONLY {{schema}}.phone_numbers
    ADD CONSTRAINT phone_numbers_pkey PRIMARY KEY (seq);


--
-- Name: retention_settings retention_settings_aws_account_id_account_id_key; Type: CONSTRAINT; Schema: {{schema}}; Owner: -
--

ALTER TABLE ONLY {{schema}}.retention_settings
    ADD CONSTRAINT retention_settings_aws_account_id_account_id_key UNIQUE (aws_account_id, account_id);


--
-- Name: retention_settings retention_settings_pkey; Type: CONSTRAINT; Schema: {{schema}}; Owner: -
--

ALTER TABLE ONLY {{schema}}.retention_settings
    ADD CONSTRAINT retention_settings_pkey PRIMARY KEY (seq);


--
-- Name: room_memberships room_memberships_aws_account_id_account_id_room_id_member_i_key; Type: CONSTRAINT; Schema: {{schema}}; Owner: -
--

ALTER TABLE ONLY {{schema}}.room_memberships
    ADD CONSTRAINT room_memberships_aws_account_id_account_id_room_id_member_i_key UNIQUE (aws_account_id, account_id, room_id, member_id);


--
-- Name: room_memberships room_memberships_pkey; Type: CONSTRAINT; Schema: {{schema}}; Owner: -
--

ALTER TABLE ONLY {{schema}}.room_memberships
    ADD CONSTRAINT room_memberships_pkey PRIMARY KEY (seq);


--
-- Name: rooms rooms_aws_account_id_account_id_id_key; Type: CONSTRAINT; Schema: {{schema}}; Owner: -
--

ALTER TABLE ONLY {{schema}}.rooms
    ADD CONSTRAINT rooms_aws_account_id_account_id_id_key UNIQUE (aws_account_id, account_id, id);


--
-- Name: rooms rooms_pkey; Type: CONSTRAINT; Schema: {{schema}}; Owner: -
--

ALTER TABLE ONLY {{schema}}.rooms
    ADD CONSTRAINT rooms_pkey PRIMARY KEY (seq);


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
-- Name: phone_number_orders_by_time; Type: INDEX; Schema: {{schema}}; Owner: -
--

CREATE INDEX phone_number_orders_by_time ON {{schema}}.phone_number_orders USING btree (aws_account_id, created_at, id);


--
-- Name: phone_numbers_by_deletion; Type: INDEX; Schema: {{schema}}; Owner: -
--

CREATE INDEX phone_numbers_by_deletion ON {{schema}}.phone_numbers USING btree (deleted_at);


--
-- Name: phone_numbers_by_owner; Type: INDEX; Schema: {{schema}}; Owner: -
--

CREATE INDEX phone_numbers_by_owner ON {{schema}}.phone_numbers USING btree (aws_account_id, e164);


--
-- Name: room_memberships_by_member; Type: INDEX; Schema: {{schema}}; Owner: -
--

CREATE INDEX room_memberships_by_member ON {{schema}}.room_memberships USING btree (aws_account_id, account_id, member_id);


--
-- Name: rooms_by_account; Type: INDEX; Schema: {{schema}}; Owner: -
--

CREATE INDEX rooms_by_account ON {{schema}}.rooms USING btree (aws_account_id, account_id, seq);


--
-- Name: rooms_by_token; Type: INDEX; Schema: {{schema}}; Owner: -
--

CREATE UNIQUE INDEX rooms_by_token ON {{schema}}.rooms USING btree (aws_account_id, account_id, client_request_token);


--
-- Name: users_by_account; Type: INDEX; Schema: {{schema}}; Owner: -
--

CREATE INDEX users_by_account ON {{schema}}.users USING btree (aws_account_id, account_id, seq);


--
-- Name: users_by_email; Type: INDEX; Schema: {{schema}}; Owner: -
--

CREATE INDEX users_by_email ON {{schema}}.users USING btree (aws_account_id, account_id, email_key COLLATE "C", user_type, registration);


--
-- Name: users_by_id; Type: INDEX; Schema: {{schema}}; Owner: -
--

CREATE UNIQUE INDEX users_by_id ON {{schema}}.users USING btree (id);


--
-- Name: users_by_state; Type: INDEX; Schema: {{schema}}; Owner: -
--

CREATE INDEX users_by_state ON {{schema}}.users USING btree (aws_account_id, account_id, user_type, registration, seq);


--
-- PostgreSQL database dump complete
--


