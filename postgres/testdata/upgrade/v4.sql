-- Upgrade fixture: a database at schema version 4, written through the API
-- by chime at commit d8d5fa900d1b6d3d653edc8c50c4efcc74f0bc7e.
-- Regenerate, do not edit: go run ./internal/schemafixture/generate -version 4 -commit d8d5fa900d1b
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

INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (1, '111122223333', 'e88ca8df-5123-4f19-8f7f-3360eb093cd3', 'Team Alpha Renamed', 'Team', 1796011668511, 'Basic', 'Basic,Pro', 'Active', '[]', 1, 0);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (2, '111122223333', '7eb15d2b-bb3c-403d-a440-3bf316794e20', 'LWA Corp', 'EnterpriseLWA', 1796011668522, 'Pro', 'Basic,Pro', 'Active', '[]', 0, 0);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (3, '111122223333', '86c74914-6d91-4ca8-bb41-6fe4c269353c', 'Directory Corp', 'EnterpriseDirectory', 1796011668535, 'Pro', 'Basic,Pro', 'Active', '["engineering","support"]', 0, 1);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (4, '111122223333', '48ba8d43-3273-4389-8ebc-774c681a2b39', 'OIDC Corp', 'EnterpriseOIDC', 1796011668541, 'Pro', 'Basic,Pro', 'Active', '["oidc-users"]', 0, 0);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (5, '111122223333', 'b1063a22-9956-4735-94b1-0611dd98b5de', 'Suspended Corp', 'EnterpriseDirectory', 1796011668543, 'Pro', 'Basic,Pro', 'Suspended', '[]', 0, 0);
INSERT INTO {{schema}}.accounts (seq, aws_account_id, id, name, account_type, created_at, default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out) OVERRIDING SYSTEM VALUE VALUES (6, '444455556666', 'f46bddb8-2731-401a-8295-46aaab2a6066', 'Beta Team', 'Team', 1796011668546, 'Pro', 'Basic,Pro', 'Active', '[]', 0, 0);


--
-- Data for Name: aws_account_settings; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.aws_account_settings (seq, aws_account_id, calling_name, calling_name_updated_at, business_calling_cdr_bucket, voice_connector_cdr_bucket) OVERRIDING SYSTEM VALUE VALUES (1, '111122223333', 'Fixture Co', 1796011668547, 'fixture-business-cdr', 'fixture-voice-cdr');
INSERT INTO {{schema}}.aws_account_settings (seq, aws_account_id, calling_name, calling_name_updated_at, business_calling_cdr_bucket, voice_connector_cdr_bucket) OVERRIDING SYSTEM VALUE VALUES (3, '444455556666', '', NULL, 'beta-business-cdr', '');


--
-- Data for Name: meta; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.meta (key, value) VALUES ('secret:pagination', 'c1ffe2bd551297cb001eec830444243fe5e6be90fc55fcc9575cf88773a0c8e5');


--
-- Data for Name: phone_number_orders; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.phone_number_orders (seq, aws_account_id, id, product_type, numbers, created_at, completes_at) OVERRIDING SYSTEM VALUE VALUES (1, '444455556666', 'a8e7c9d2-2e76-4120-8d80-87ad4da98a69', 'BusinessCalling', '[{"E164":"+12065550105","Reserved":true}]', 1796011668551, 1796011669551);
INSERT INTO {{schema}}.phone_number_orders (seq, aws_account_id, id, product_type, numbers, created_at, completes_at) OVERRIDING SYSTEM VALUE VALUES (2, '111122223333', 'eecdee63-554a-4fe7-9dc2-d0a05692cceb', 'BusinessCalling', '[{"E164":"+12065550100","Reserved":true},{"E164":"+12065550101","Reserved":true},{"E164":"+12065550102","Reserved":true},{"E164":"+12065550103","Reserved":true}]', 1796011668553, 1796011669553);
INSERT INTO {{schema}}.phone_number_orders (seq, aws_account_id, id, product_type, numbers, created_at, completes_at) OVERRIDING SYSTEM VALUE VALUES (3, '111122223333', '004a0504-34c7-45a7-ac94-7182788d7651', 'VoiceConnector', '[{"E164":"+18885550100","Reserved":true},{"E164":"+12065550105","Reserved":false}]', 1796011668555, 1796011669555);


--
-- Data for Name: phone_numbers; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.phone_numbers (seq, aws_account_id, e164, country, number_type, product_type, status, inbound_call, outbound_call, inbound_sms, outbound_sms, inbound_mms, outbound_mms, associations, calling_name, calling_name_status, calling_name_set_at, created_at, updated_at, acquired_at, deleted_at) OVERRIDING SYSTEM VALUE VALUES (1, '444455556666', '+12065550105', 'US', 'Local', 'BusinessCalling', 'AcquireInProgress', 1, 1, 1, 1, 1, 1, '[]', '', 'Unassigned', NULL, 1796011668551, 1796011668551, 1796011669551, NULL);
INSERT INTO {{schema}}.phone_numbers (seq, aws_account_id, e164, country, number_type, product_type, status, inbound_call, outbound_call, inbound_sms, outbound_sms, inbound_mms, outbound_mms, associations, calling_name, calling_name_status, calling_name_set_at, created_at, updated_at, acquired_at, deleted_at) OVERRIDING SYSTEM VALUE VALUES (6, '111122223333', '+18885550100', 'US', 'TollFree', 'VoiceConnector', 'AcquireInProgress', 1, 1, 0, 0, 0, 0, '[]', 'Fixture Co', 'UpdateInProgress', 1796011669555, 1796011668555, 1796011668555, 1796011669555, NULL);
INSERT INTO {{schema}}.phone_numbers (seq, aws_account_id, e164, country, number_type, product_type, status, inbound_call, outbound_call, inbound_sms, outbound_sms, inbound_mms, outbound_mms, associations, calling_name, calling_name_status, calling_name_set_at, created_at, updated_at, acquired_at, deleted_at) OVERRIDING SYSTEM VALUE VALUES (3, '111122223333', '+12065550101', 'US', 'Local', 'BusinessCalling', 'Unassigned', 1, 1, 1, 1, 1, 1, '[]', 'Sales Desk', 'UpdateInProgress', 1796011671058, 1796011668553, 1796011671058, 1796011669553, NULL);
INSERT INTO {{schema}}.phone_numbers (seq, aws_account_id, e164, country, number_type, product_type, status, inbound_call, outbound_call, inbound_sms, outbound_sms, inbound_mms, outbound_mms, associations, calling_name, calling_name_status, calling_name_set_at, created_at, updated_at, acquired_at, deleted_at) OVERRIDING SYSTEM VALUE VALUES (5, '111122223333', '+12065550103', 'US', 'Local', 'VoiceConnector', 'Unassigned', 1, 1, 1, 1, 1, 1, '[]', 'Fixture Co', 'UpdateSucceeded', 1796011669553, 1796011668553, 1796011671061, 1796011669553, NULL);
INSERT INTO {{schema}}.phone_numbers (seq, aws_account_id, e164, country, number_type, product_type, status, inbound_call, outbound_call, inbound_sms, outbound_sms, inbound_mms, outbound_mms, associations, calling_name, calling_name_status, calling_name_set_at, created_at, updated_at, acquired_at, deleted_at) OVERRIDING SYSTEM VALUE VALUES (2, '111122223333', '+12065550100', 'US', 'Local', 'BusinessCalling', 'Assigned', 1, 1, 1, 1, 1, 1, '[{"Name":"AccountId","Value":"7eb15d2b-bb3c-403d-a440-3bf316794e20","AssociatedAt":1796011671063},{"Name":"UserId","Value":"c64d65b0-723c-48fc-9292-8b6f9e067d47","AssociatedAt":1796011671063}]', 'Fixture Co', 'UpdateSucceeded', 1796011669553, 1796011668553, 1796011671063, 1796011669553, NULL);
INSERT INTO {{schema}}.phone_numbers (seq, aws_account_id, e164, country, number_type, product_type, status, inbound_call, outbound_call, inbound_sms, outbound_sms, inbound_mms, outbound_mms, associations, calling_name, calling_name_status, calling_name_set_at, created_at, updated_at, acquired_at, deleted_at) OVERRIDING SYSTEM VALUE VALUES (4, '111122223333', '+12065550102', 'US', 'Local', 'BusinessCalling', 'DeleteInProgress', 1, 1, 1, 1, 1, 1, '[]', 'Fixture Co', 'UpdateSucceeded', 1796011669553, 1796011668553, 1796011671064, 1796011669553, 1796011671064);


--
-- Data for Name: schema_migrations; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.schema_migrations (version) VALUES (1);
INSERT INTO {{schema}}.schema_migrations (version) VALUES (2);
INSERT INTO {{schema}}.schema_migrations (version) VALUES (3);
INSERT INTO {{schema}}.schema_migrations (version) VALUES (4);


--
-- Data for Name: users; Type: TABLE DATA; Schema: {{schema}}; Owner: -
--

INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (1, '111122223333', 'e88ca8df-5123-4f19-8f7f-3360eb093cd3', '0ca208c5-62bb-49e3-9651-7bec4a29551e', 'ann@team.example.com', 'ann@team.example.com', '', '', '', 'Basic', 'PrivateUser', 'Unregistered', 'Pending', NULL, 1796011668517, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (3, '111122223333', 'e88ca8df-5123-4f19-8f7f-3360eb093cd3', 'addebdbd-c99e-43af-b526-b627a44c91ef', 'cat@team.example.com', 'cat@team.example.com', '', '', '', 'Basic', 'PrivateUser', 'Unregistered', 'Pending', NULL, 1796011668517, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (4, '111122223333', 'e88ca8df-5123-4f19-8f7f-3360eb093cd3', 'eaf9b5b8-837b-4206-837d-33fd03e1d73d', 'lobby@team.example.com', 'lobby@team.example.com', '', '', '', 'Basic', 'SharedDevice', 'Unregistered', 'Pending', NULL, 1796011668519, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (8, '111122223333', '7eb15d2b-bb3c-403d-a440-3bf316794e20', '253bd91b-0ffa-4a05-b0ab-9a132d1039f3', 'carol@lwa.example.com', 'carol@lwa.example.com', 'Carol', 'Carol', '', 'Pro', 'PrivateUser', 'Suspended', '', 1796011668527, NULL, 0, '', '4980603706', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (9, '111122223333', '7eb15d2b-bb3c-403d-a440-3bf316794e20', '2a394569-40bb-4c57-bd0a-a73dece5b56a', 'dave@lwa.example.com', 'dave@lwa.example.com', 'Dave', 'Dave', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011668528, NULL, 0, '', '8275484697', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (7, '111122223333', '7eb15d2b-bb3c-403d-a440-3bf316794e20', 'ea393a82-2268-45e6-9ca7-49c1a96702c5', 'boardroom@lwa.example.com', 'boardroom@lwa.example.com', '', 'Room Device', '', 'Pro', 'SharedDevice', 'Registered', '', 1796011668526, NULL, 1, 'arn:aws:a4b:us-east-1:111122223333:room/boardroom', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (6, '111122223333', '7eb15d2b-bb3c-403d-a440-3bf316794e20', 'b895257a-5f4f-4c22-8be2-dc804982d0d9', 'Bob@LWA.example.com', 'bob@lwa.example.com', '', 'Bob', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011668525, NULL, 0, '', '0808892666', 0, 0, 0, 1796011668532);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (10, '111122223333', '86c74914-6d91-4ca8-bb41-6fe4c269353c', 'd1776d86-8fd2-4855-9ea2-1317a7588a84', 'erin@directory.example.com', 'erin@directory.example.com', 'Erin', 'Erin', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011668539, NULL, 0, '', '0909226863', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (11, '111122223333', '86c74914-6d91-4ca8-bb41-6fe4c269353c', '99907e0a-95c3-4874-81f8-87e7f3a5f4d7', 'frank@directory.example.com', 'frank@directory.example.com', 'Frank', 'Frank', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011668539, NULL, 0, '', '1670480152', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (12, '111122223333', '86c74914-6d91-4ca8-bb41-6fe4c269353c', 'c5b02317-7a42-4f61-81bf-48664ff2f1d9', 'hall@directory.example.com', 'hall@directory.example.com', '', 'Room Device', '', 'Pro', 'SharedDevice', 'Registered', '', 1796011668540, NULL, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (13, '111122223333', '48ba8d43-3273-4389-8ebc-774c681a2b39', '5cd23ee8-5e01-4d73-92d8-a3c9157a386e', 'olga@oidc.example.com', 'olga@oidc.example.com', 'Olga', 'Olga', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011668542, NULL, 0, '', '5032097577', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (14, '111122223333', 'b1063a22-9956-4735-94b1-0611dd98b5de', '8c4e7d42-eb2d-4c05-a8d2-af5a97a1ce43', 'sam@suspended.example.com', 'sam@suspended.example.com', 'Sam', 'Sam', '', 'Pro', 'PrivateUser', 'Registered', '', 1796011668544, NULL, 0, '', '4256758785', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (15, '444455556666', 'f46bddb8-2731-401a-8295-46aaab2a6066', '2e599bac-2297-4c31-b127-6cd0ddfa95b8', 'alice@lwa.example.com', 'alice@lwa.example.com', '', '', '', 'Pro', 'PrivateUser', 'Unregistered', 'Pending', NULL, 1796011668546, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (16, '444455556666', 'f46bddb8-2731-401a-8295-46aaab2a6066', '3a8c9a35-abb6-4330-953c-bf5de380881e', 'zed@beta.example.com', 'zed@beta.example.com', '', '', '', 'Pro', 'PrivateUser', 'Unregistered', 'Pending', NULL, 1796011668546, 0, '', '', 0, 0, 0, NULL);
INSERT INTO {{schema}}.users (seq, aws_account_id, account_id, id, email, email_key, username, display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at) OVERRIDING SYSTEM VALUE VALUES (5, '111122223333', '7eb15d2b-bb3c-403d-a440-3bf316794e20', 'c64d65b0-723c-48fc-9292-8b6f9e067d47', 'alice@lwa.example.com', 'alice@lwa.example.com', 'Alice Example', 'Alice Example', '+12065550100', 'Basic', 'PrivateUser', 'Registered', '', 1796011668523, NULL, 0, '', '5643451298', 1, 1, 0, NULL);


--
-- Name: accounts_seq_seq; Type: SEQUENCE SET; Schema: {{schema}}; Owner: -
--

SELECT pg_catalog.setval('{{schema}}.accounts_seq_seq', 6, true);


--
-- Name: aws_account_settings_seq_seq; Type: SEQUENCE SET; Schema: {{schema}}; Owner: -
--

SELECT pg_catalog.setval('{{schema}}.aws_account_settings_seq_seq', 3, true);


--
-- Name: phone_number_orders_seq_seq; Type: SEQUENCE SET; Schema: {{schema}}; Owner: -
--

SELECT pg_catalog.setval('{{schema}}.phone_number_orders_seq_seq', 3, true);


--
-- Name: phone_numbers_seq_seq; Type: SEQUENCE SET; Schema: {{schema}}; Owner: -
--

SELECT pg_catalog.setval('{{schema}}.phone_numbers_seq_seq', 6, true);


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


