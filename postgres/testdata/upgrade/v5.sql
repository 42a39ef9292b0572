-- Upgrade fixture: a database at schema version 5, written through the API
-- by chime at commit 412126125d8548f7569da4738a8b56a0860618d6.
-- Regenerate, do not edit: go run ./internal/schemafixture/generate -version 5 -commit 412126125d85
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

INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (1, '111122223333', '1e4bd413-c14e-4a9e-88a2-daaffae040af', 'Team Alpha Renamed', 'Team', 1796011677864, 'Basic', 'Basic,Pro', 'Active', '[]', 1, 0);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (2, '111122223333', 'd1d827a7-b341-4330-954c-526ab674ba30', 'LWA Corp', 'EnterpriseLWA', 1796011677875, 'Pro', 'Basic,Pro', 'Active', '[]', 0, 0);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (3, '111122223333', '80a73848-08e7-45af-8149-c89fe840287c', 'Directory Corp', 'EnterpriseDirectory', 1796011677892, 'Pro', 'Basic,Pro', 'Active', '["engineering","support"]', 0, 1);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (4, '111122223333', '897435ca-17dc-41b4-b770-3dbac6fa48c5', 'OIDC Corp', 'EnterpriseOIDC', 1796011677900, 'Pro', 'Basic,Pro', 'Active', '["oidc-users"]', 0, 0);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (5, '111122223333', '8a109bd9-8b50-4ef7-9505-51f7a42d3834', 'Suspended Corp', 'EnterpriseDirectory', 1796011677903, 'Pro', 'Basic,Pro', 'Suspended', '[]', 0, 0);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (6, '444455556666', '5e5894af-7f96-4e08-8908-8223c8c0daf5', 'Beta Team', 'Team', 1796011677906, 'Pro', 'Basic,Pro', 'Active', '[]', 0, 0);


--
-- Data for Name: aws_account_settings; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.aws_account_settings (seq, aws_account_id, calling_name, calling_name_updated_at, business_calling_cdr_bucket, voice_connector_cdr_bucket) OVERRIDING SYSTEM VALUE VALUES (1, '111122223333', 'Fixture Co', 1796011677908, 'fixture-business-cdr', 'fixture-voice-cdr');
INSERT INTO {{schema}}.aws_account_settings (seq, aws_account_id, calling_name, calling_name_updated_at, business_calling_cdr_bucket, voice_connector_cdr_bucket) OVERRIDING SYSTEM VALUE VALUES (3, '444455556666', '', NULL, 'beta-business-cdr', '');


--
-- Data for Name: bot_events_configurations; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.bot_events_configurations (seq, aws_account_id, account_id, bot_id, https_endpoint, lambda_function_arn) OVERRIDING SYSTEM VALUE VALUES (1, '111122223333', '80a73848-08e7-45af-8149-c89fe840287c', 'f1100b42-6594-4741-9de8-59ba489445bc', '', 'arn:aws:lambda:us-east-1:111122223333:function:helper');


--
-- Data for Name: bots; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.bots (seq, aws_account_id, account_id, id, display_name, email, email_key, disabled, security_token, created_at, updated_at) OVERRIDING SYSTEM VALUE VALUES (2, '111122223333', '80a73848-08e7-45af-8149-c89fe840287c', '38e52801-1e11-456c-a0d7-e3ceab3754d9', 'Reporter (Bot)', 'Reporter-chimebot@directory.example.com', 'reporter-chimebot@directory.example.com', 1, 'xg12Obnbeac/LClkf7RyhWik8BDP9UAUGYNkIBPa', 1796011680433, 1796011680435);
INSERT INTO {{schema}}.bots (seq, aws_account_id, account_id, id, display_name, email, email_key, disabled, security_token, created_at, updated_at) OVERRIDING SYSTEM VALUE VALUES (1, '111122223333', '80a73848-08e7-45af-8149-c89fe840287c', 'f1100b42-6594-4741-9de8-59ba489445bc', 'Helper (Bot)', 'Helper-chimebot@directory.example.com', 'helper-chimebot@directory.example.com', 0, 'lQSusz7sn3dALitMLmh/7h57WfsQMkVcxsl//l06', 1796011680430, 1796011680439);


--
-- Data for Name: meta; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.meta (key, value) VALUES ('secret:pagination', '241f08370fbd6979206110b1c309012aa8c97ceb390dae8903df6bf308f27959');


--
-- Data for Name: phone_number_orders; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.phone_number_orders (seq, aws_account_id, id, product_type, numbers, created_at, completes_at) OVERRIDING SYSTEM VALUE VALUES (1, '444455556666', 'cd7acf53-6249-41fe-9463-654e80eb2b01', 'BusinessCalling', '[{"E164":"+12065550105","Reserved":true}]', 1796011677913, 1796011678913);
INSERT INTO {{schema}}.phone_number_orders (seq, aws_account_id, id, product_type, numbers, created_at, completes_at) OVERRIDING SYSTEM VALUE VALUES (2, '111122223333', 'ce6d6ad7-ce92-46ed-ab7b-200d421e1179', 'BusinessCalling', '[{"E164":"+12065550100","Reserved":true},{"E164":"+12065550101","Reserved":true},{"E164":"+12065550102","Reserved":true},{"E164":"+12065550103","Reserved":true}]', 1796011677916, 1796011678916);
INSERT INTO {{schema}}.phone_number_orders (seq, aws_account_id, id, product_type, numbers, created_at, completes_at) OVERRIDING SYSTEM VALUE VALUES (3, '111122223333', '84645717-d0ae-45bb-a5c2-735d761d8017', 'VoiceConnector', '[{"E164":"+18885550100","Reserved":true},{"E164":"+12065550105","Reserved":false}]', 1796011677919, 1796011678919);


--
-- Data for Name: phone_numbers; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.phone_numbers (seq, aws_account_id, e164, country, number_type, product_type, status, inbound_call, outbound_call, inbound_sms, outbound_sms, inbound_mms, outbound_mms, associations, calling_name, calling_name_status, calling_name_set_at, created_at, updated_at, acquired_at, deleted_at) OVERRIDING SYSTEM VALUE VALUES (1, '444455556666', '+12065550105', 'US', 'Local', 'BusinessCalling', 'AcquireInProgress', 1, 1, 1, 1, 1, 1, '[]', '', 'Unassigned', NULL, 1796011677913, 1796011677913, 1796011678913, NULL);
INSERT INTO {{schema}}.phone_numbers (seq, aws_account_id, e164, country, number_type, product_type, status, inbound_call, outbound_call, inbound_sms, outbound_sms, inbound_mms, outbound_mms, associations, calling_name, calling_name_status, calling_name_set_at, created_at, updated_at, acquired_at, deleted_at) OVERRIDING SYSTEM VALUE VALUES (6, '111122223333', '+18885550100', 'US', 'TollFree', 'VoiceConnector', 'AcquireInProgress', 1, 1, 0, 0, 0, 0, '[]', 'Fixture Co', 'UpdateInProgress', 1796011678919, 1796011677919, 1796011677919, 1796011678919, NULL);
INSERT INTO {{schema}}.phone_numbers (seq, aws_account_id, e164, country, number_type, product_type, status, inbound_call, outbound_call, inbound_sms, outbound_sms, inbound_mms, outbound_mms, associations, calling_name, calling_name_status, calling_name_set_at, created_at, updated_at, acquired_at, deleted_at) OVERRIDING SYSTEM VALUE VALUES (3, '111122223333', '+12065550101', 'US', 'Local', 'BusinessCalling', 'Unassigned', 1, 1, 1, 1, 1, 1, '[]', 'Sales Desk', 'UpdateInProgress', 1796011680421, 1796011677916, 1796011680421, 1796011678916, NULL);
INSERT INTO {{schema}}.phone_numbers (seq, aws_account_id, e164, country, number_type, product_type, status, inbound_call, outbound_call, inbound_sms, outbound_sms, inbound_mms, outbound_mms, associations, calling_name, calling_name_status, calling_name_set_at, created_at, updated_at, acquired_at, deleted_at) OVERRIDING SYSTEM VALUE VALUES (5, '111122223333', '+12065550103', 'US', 'Local', 'VoiceConnector', 'Unassigned', 1, 1, 1, 1, 1, 1, '[]', 'Fixture Co', 'UpdateSucceeded', 1796011678916, 1796011677916, 1796011680425, 1796011678916, NULL);
INSERT INTO {{schema}}.phone_numbers (seq, aws_account_id, e164, country, number_type, product_type, status, inbound_call, outbound_call, inbound_sms, outbound_sms, inbound_mms, outbound_mms, associations, calling_name, calling_name_status, calling_name_set_at, created_at, updated_at, acquired_at, deleted_at) OVERRIDING SYSTEM VALUE VALUES (2, '111122223333', '+12065550100', 'US', 'Local', 'BusinessCalling', 'Assigned', 1, 1, 1, 1, 1, 1, '[{"Name":"AccountId","Value":"d1d827a7-b341-4330-954c-526ab674ba30","AssociatedAt":1796011680426},{"Name":"UserId","Value":"9d7c35b7-515d-4f76-8297-297811416b3f","AssociatedAt":1796011680426}]', 'Fixture Co', 'UpdateSucceeded', 1796011678916, 1796011677916, 1796011680426, 1796011678916, NULL);
INSERT INTO {{schema}}.phone_numbers (seq, aws_account_id, e164, country, number_type, product_type, status, inbound_call, outbound_call, inbound_sms, outbound_sms, inbound_mms, outbound_mms, associations, calling_name, calling_name_status, calling_name_set_at, created_at, updated_at, acquired_at, deleted_at) OVERRIDING SYSTEM VALUE VALUES (4, '111122223333', '+12065550102', 'US', 'Local', 'BusinessCalling', 'DeleteInProgress', 1, 1, 1, 1, 1, 1, '[]', 'Fixture Co', 'UpdateSucceeded', 1796011678916, 1796011677916, 1796011680428, 1796011678916, 1796011680428);


--
-- Data for Name: retention_settings; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.retention_settings (seq, aws_account_id, account_id, room_days, conversation_days, initiate_deletion_at) OVERRIDING SYSTEM VALUE VALUES (1, '111122223333', '80a73848-08e7-45af-8149-c89fe840287c', 30, 60, 1798603680452);


--
-- Data for Name: room_memberships; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.room_memberships (seq, aws_account_id, account_id, room_id, member_id, member_type, email, full_name, role, invited_by, updated_at) OVERRIDING SYSTEM VALUE VALUES (1, '111122223333', '80a73848-08e7-45af-8149-c89fe840287c', '8eea25d5-4a34-4a44-bb7a-7e9c7a8c0f50', '3d1b7d9a-46a8-4bfe-a86f-b0a1c93082da', 'User', 'erin@directory.example.com', 'Erin', 'Administrator', 'arn:aws:iam::111122223333:root', 1796011680446);
INSERT INTO {{schema}}.room_memberships (seq, aws_account_id, account_id, room_id, member_id, member_type, email, full_name, role, invited_by, updated_at) OVERRIDING SYSTEM VALUE VALUES (3, '111122223333', '80a73848-08e7-45af-8149-c89fe840287c', '8eea25d5-4a34-4a44-bb7a-7e9c7a8c0f50', 'f1100b42-6594-4741-9de8-59ba489445bc', 'Bot', 'Helper-chimebot@directory.example.com', 'Helper (Bot)', 'Member', 'arn:aws:iam::111122223333:root', 1796011680447);
INSERT INTO {{schema}}.room_memberships (seq, aws_account_id, account_id, room_id, member_id, member_type, email, full_name, role, invited_by, updated_at) OVERRIDING SYSTEM VALUE VALUES (2, '111122223333', '80a73848-08e7-45af-8149-c89fe840287c', '8eea25d5-4a34-4a44-bb7a-7e9c7a8c0f50', '0a07ead8-1244-4c51-9df8-e78f23273128', 'User', 'frank@directory.example.com', 'Frank', 'Administrator', 'arn:aws:iam::111122223333:root', 1796011680449);
INSERT INTO {{schema}}.room_memberships (seq, aws_account_id, account_id, room_id, member_id, member_type, email, full_name, role, invited_by, updated_at) OVERRIDING SYSTEM VALUE VALUES (4, '111122223333', '80a73848-08e7-45af-8149-c89fe840287c', '05fad490-086d-462b-9aa8-fdae27415497', '3d1b7d9a-46a8-4bfe-a86f-b0a1c93082da', 'User', 'erin@directory.example.com', 'Erin', 'Member', 'arn:aws:iam::111122223333:root', 1796011680451);


--
-- Data for Name: rooms; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.rooms (seq, aws_account_id, account_id, id, name, created_by, created_at, updated_at, client_request_token, client_request_name) OVERRIDING SYSTEM VALUE VALUES (1, '111122223333', '80a73848-08e7-45af-8149-c89fe840287c', '8eea25d5-4a34-4a44-bb7a-7e9c7a8c0f50', 'General', 'arn:aws:iam::111122223333:root', 1796011680440, 1796011680440, 'fixture-general', 'General');
INSERT INTO {{schema}}.rooms (seq, aws_account_id, account_id, id, name, created_by, created_at, updated_at, client_request_token, client_request_name) OVERRIDING SYSTEM VALUE VALUES (2, '111122223333', '80a73848-08e7-45af-8149-c89fe840287c', '05fad490-086d-462b-9aa8-fdae27415497', 'Random Talk', 'arn:aws:iam::111122223333:root', 1796011680442, 1796011680444, '3a2a1907-1262-45ea-a93f-0244b408a0c6', 'Random');


--
-- Data for Name: schema_migrations; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.schema_migrations (version) VALUES (1);
INSERT INTO {{schema}}.schema_migrations (version) VALUES (2);
INSERT INTO {{schema}}.schema_migrations (version) VALUES (3);
INSERT INTO {{schema}}.schema_migrations (version) VALUES (4);
INSERT INTO {{schema}}.schema_migrations (version) VALUES (5);


--
-- Data for Name: users; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (1, '111122223333', '1e4bd413-c14e-4a9e-88a2-daaffae040af', 'a72c2213-7deb-4e99-aedc-9b240f06a2f2', 'ann@team.example.com', 'ann@team.example.com', '', '', '', 'Basic', 'PrivateUser', 'Unregistered', 'Pending', NULL, 1796011677870, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (3, '111122223333', '1e4bd413-c14e-4a9e-88a2-daaffae040af', '8db20e72-cb97-4cb4-92dd-12ae87e64d60', 'cat@team.example.com', 'cat@team.example.com', '', '', '', 'Basic', 'PrivateUser', 'Unregistered', 'Pending', NULL, 1796011677870, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (4, '111122223333', '1e4bd413-c14e-4a9e-88a2-daaffae040af', '48aba2b3-5b65-4a76-bc38-c4dda3f4ecb0', 'lobby@team.example.com', 'lobby@team.example.com', '', '', '', 'Basic', 'SharedDevice', 'Unregistered', 'Pending', NULL, 1796011677872, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (8, '111122223333', 'd1d827a7-b341-4330-954c-526ab674ba30', 'afcee973-9a8d-41f7-bf43-48d285e8fe94', 'carol@lwa.example.com', 'carol@lwa.example.com', 'Carol', 'Carol', '', 'Pro', 'PrivateUser', 'Suspended', '', 1796011677881, NULL, 0, '', '3481541153', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (9, '111122223333', 'd1d827a7-b341-4330-954c-526ab674ba30', '4fa402cf-013d-4b6c-a3af-066e2763a1cc', 'dave@lwa.example.com', 'dave@lwa.example.com', 'Dave', 'Dave', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011677882, NULL, 0, '', '5716190801', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (7, '111122223333', 'd1d827a7-b341-4330-954c-526ab674ba30', '5b5c0a96-c465-4f26-bb66-6553a23854e7', 'boardroom@lwa.example.com', 'boardroom@lwa.example.com', '', 'Room Device', '', 'Pro', 'SharedDevice', 'Registered', '', 1796011677880, NULL, 1, 'arn:aws:a4b:us-east-1:111122223333:room/boardroom', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (6, '111122223333', 'd1d827a7-b341-4330-954c-526ab674ba30', 'd8a90ec5-dd4c-429e-8600-8f79d90d1632', 'Bob@LWA.example.com', 'bob@lwa.example.com', '', 'Bob', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011677879, NULL, 0, '', '5388715102', 0, 0, 0, 1796011677889);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (10, '111122223333', '80a73848-08e7-45af-8149-c89fe840287c', '3d1b7d9a-46a8-4bfe-a86f-b0a1c93082da', 'erin@directory.example.com', 'erin@directory.example.com', 'Erin', 'Erin', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011677897, NULL, 0, '', '4417796207', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (11, '111122223333', '80a73848-08e7-45af-8149-c89fe840287c', '0a07ead8-1244-4c51-9df8-e78f23273128', 'frank@directory.example.com', 'frank@directory.example.com', 'Frank', 'Frank', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011677898, NULL, 0, '', '6223262239', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (12, '111122223333', '80a73848-08e7-45af-8149-c89fe840287c', '4a136373-0f9b-4722-ad41-ef241acabf75', 'hall@directory.example.com', 'hall@directory.example.com', '', 'Room Device', '', 'Pro', 'SharedDevice', 'Registered', '', 1796011677899, NULL, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (13, '111122223333', '897435ca-17dc-41b4-b770-3dbac6fa48c5', '4cbfa209-8cb0-4984-930f-51474aaefd64', 'olga@oidc.example.com', 'olga@oidc.example.com', 'Olga', 'Olga', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011677902, NULL, 0, '', '3652200367', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (14, '111122223333', '8a109bd9-8b50-4ef7-9505-51f7a42d3834', '2ed12761-0683-4cb0-85ae-b6d29d6512f6', 'sam@suspended.example.com', 'sam@suspended.example.com', 'Sam', 'Sam', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011677904, NULL, 0, '', '9208003030', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (15, '444455556666', '5e5894af-7f96-4e08-8908-8223c8c0daf5', 'a5d6edad-0535-465d-81e0-314806e275c7', 'alice@lwa.example.com', 'alice@lwa.example.com', '', '', '', 'Pro', 'PrivateUser', 'Unregistered', 'Pending', NULL, 1796011677907, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (16, '444455556666', '5e5894af-7f96-4e08-8908-8223c8c0daf5', '9afb30e7-27cc-4efa-977c-6d7d22192930', 'zed@beta.example.com', 'zed@beta.example.com', '', '', '', 'Pro', 'PrivateUser', 'Unregistered', 'Pending', NULL, 1796011677907, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (5, '111122223333', 'd1d827a7-b341-4330-954c-526ab674ba30', '9d7c35b7-515d-4f76-8297-297811416b3f', 'alice@lwa.example.com', 'alice@lwa.example.com', 'Alice Example', 'Alice Example', '+12065550100', 'Basic', 'PrivateUser', 'Registered', '', 1796011677877, NULL, 0, '', '3572043849', 1, 1, 0, NULL);


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
-- Name: users_by_id; Type: INDEX; Schema: {{schema}}; Owner: -
--

CREATE UNIQUE INDEX users_by_id ON {{schema}}.users USING btree (id);


--
-- PostgreSQL database dump complete
--


