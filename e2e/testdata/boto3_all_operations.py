"""Every implemented Chime operation through boto3 against a chime server.

Usage: boto3_all_operations.py ENDPOINT LWA_ACCOUNT_ID
The server runs with --dev: the example EnterpriseDirectory account exists,
and LWA_ACCOUNT_ID was made with `chime admin create-account`.
"""
import json
import sys
import time

import boto3
from botocore.config import Config

endpoint, lwa = sys.argv[1], sys.argv[2]
example = "12a3456b-7c89-012d-3456-78901e23fg45"
chime = boto3.client(
    "chime", endpoint_url=endpoint, region_name="us-east-1",
    aws_access_key_id="test", aws_secret_access_key="test",
    config=Config(retries={"total_max_attempts": 1}),
)
used = set()


def call(op, **kwargs):
    used.add(op)
    return getattr(chime, op)(**kwargs)


def expect(exc, op, **kwargs):
    used.add(op)
    try:
        getattr(chime, op)(**kwargs)
    except getattr(chime.exceptions, exc) as e:
        assert e.response["Error"]["Code"] == exc, e.response
        return e
    raise AssertionError(f"{op} did not raise {exc}")


# Accounts
team = call("create_account", Name="boto3 team")["Account"]
assert team["AccountType"] == "Team" and team["SupportedLicenses"] == ["Basic", "Pro"], team
assert team["AwsAccountId"] == "000000000000"
team_id = team["AccountId"]
got = call("get_account", AccountId=team_id)["Account"]
assert got["Name"] == "boto3 team" and got["CreatedTimestamp"].year >= 2026, got
listed = call("list_accounts", Name="boto3")["Accounts"]
assert [a["AccountId"] for a in listed] == [team_id], listed
pages = list(chime.get_paginator("list_accounts").paginate(PaginationConfig={"PageSize": 1}))
assert sum(len(p["Accounts"]) for p in pages) == 3, pages
up = call("update_account", AccountId=team_id, Name="renamed", DefaultLicense="Basic")["Account"]
assert up["Name"] == "renamed" and up["DefaultLicense"] == "Basic", up
expect("BadRequestException", "update_account", AccountId=team_id, DefaultLicense="Plus")
settings = call("get_account_settings", AccountId=team_id)["AccountSettings"]
assert settings == {"DisableRemoteControl": False, "EnableDialOut": False}, settings
call("update_account_settings", AccountId=team_id, AccountSettings={"DisableRemoteControl": True})
assert call("get_account_settings", AccountId=team_id)["AccountSettings"]["DisableRemoteControl"] is True
call("associate_signin_delegate_groups_with_account", AccountId=example,
     SigninDelegateGroups=[{"GroupName": "room-admins"}])
call("disassociate_signin_delegate_groups_from_account", AccountId=example, GroupNames=["room-admins"])
expect("ForbiddenException", "associate_signin_delegate_groups_with_account", AccountId=team_id,
       SigninDelegateGroups=[{"GroupName": "g"}])
expect("NotFoundException", "get_account", AccountId="no-such-account")

# Users on the Enterprise Directory example account
room = call("create_user", AccountId=example, Email="roomdevice@example.com", UserType="SharedDevice")["User"]
assert room["DisplayName"] == "Room Device" and "PersonalPIN" not in room, room
person = call("create_user", AccountId=example, Email="ana@example.com", Username="Ana")["User"]
assert person["DisplayName"] == "Ana" and len(person["PersonalPIN"]) == 10, person
expect("ConflictException", "create_user", AccountId=example, Email="ANA@example.com")
e = expect("BadRequestException", "create_user", AccountId=team_id, Email="valid@email.com")
assert e.response["Error"]["Message"] == "Service received a bad request", e.response
expect("BadRequestException", "create_user", AccountId=example, Email="notanemail")
got = call("get_user", AccountId=example, UserId=person["UserId"])["User"]
assert got["PersonalPIN"] == person["PersonalPIN"], got
users = call("list_users", AccountId=example, UserType="SharedDevice")["Users"]
assert [u["UserId"] for u in users] == [room["UserId"]], users
expect("BadRequestException", "list_users", AccountId=example, MaxResults=500)
upd = call("update_user", AccountId=example, UserId=person["UserId"], LicenseType="Basic")["User"]
assert upd["LicenseType"] == "Basic", upd
errs = call("batch_update_user", AccountId=example, UpdateUserRequestItems=[
    {"UserId": person["UserId"], "LicenseType": "Pro"}, {"UserId": "nobody", "LicenseType": "Pro"}])["UserErrors"]
assert [(x["UserId"], x["ErrorCode"]) for x in errs] == [("nobody", "NotFound")], errs
pin = call("reset_personal_pin", AccountId=example, UserId=person["UserId"])["User"]["PersonalPIN"]
assert pin != person["PersonalPIN"] and len(pin) == 10
call("logout_user", AccountId=example, UserId=person["UserId"])
call("update_user_settings", AccountId=example, UserId=person["UserId"],
     UserSettings={"Telephony": {"InboundCalling": True, "OutboundCalling": False, "SMS": True}})
tel = call("get_user_settings", AccountId=example, UserId=person["UserId"])["UserSettings"]["Telephony"]
assert tel == {"InboundCalling": True, "OutboundCalling": False, "SMS": True}, tel
expect("BadRequestException", "batch_suspend_user", AccountId=example, UserIdList=[person["UserId"]])

# Invitations and suspension on the Team account
invites = call("invite_users", AccountId=team_id, UserEmailList=["bob@example.com", "ana@example.com"])["Invites"]
assert [i["Status"] for i in invites] == ["Pending", "Failed"], invites
bob = call("list_users", AccountId=team_id, UserEmail="bob@example.com")["Users"][0]
assert bob["UserInvitationStatus"] == "Pending" and bob["UserRegistrationStatus"] == "Unregistered", bob
expect("UnprocessableEntityException", "delete_account", AccountId=team_id)
assert call("batch_suspend_user", AccountId=team_id, UserIdList=[bob["UserId"]])["UserErrors"] == []
expect("NotFoundException", "get_user", AccountId=team_id, UserId=bob["UserId"])
call("delete_account", AccountId=team_id)
expect("NotFoundException", "get_account", AccountId=team_id)

# Suspension and return on the EnterpriseLWA account
lwa_user = call("create_user", AccountId=lwa, Email="lwa@example.com")["User"]
call("batch_suspend_user", AccountId=lwa, UserIdList=[lwa_user["UserId"]])
assert call("get_user", AccountId=lwa, UserId=lwa_user["UserId"])["User"]["UserRegistrationStatus"] == "Suspended"
assert call("batch_unsuspend_user", AccountId=lwa, UserIdList=[lwa_user["UserId"]])["UserErrors"] == []
assert call("get_user", AccountId=lwa, UserId=lwa_user["UserId"])["User"]["UserRegistrationStatus"] == "Registered"

# Phone numbers, as a provisioning script uses them. The server runs with
# --dev (orders complete after a second) and --deletion-retention 2s.
def poll(fn, done, what, timeout=20):
    deadline = time.time() + timeout
    while True:
        value = fn()
        if done(value):
            return value
        if time.time() > deadline:
            raise AssertionError(f"{what} never happened: {value}")
        time.sleep(0.2)


countries = call("list_supported_phone_number_countries", ProductType="VoiceConnector")["PhoneNumberCountries"]
assert countries == [{"CountryCode": "US", "SupportedPhoneNumberTypes": ["Local", "TollFree"]}], countries
found = call("search_available_phone_numbers", AreaCode="206", MaxResults=2)
assert found["E164PhoneNumbers"] == ["+12065550100", "+12065550101"] and found["NextToken"], found
assert call("search_available_phone_numbers", TollFreePrefix="800")["E164PhoneNumbers"] == []
expect("BadRequestException", "search_available_phone_numbers", City="Seattle")
order = call("create_phone_number_order", ProductType="BusinessCalling",
             E164PhoneNumbers=["+12065550100", "+12065550101"])["PhoneNumberOrder"]
assert order["Status"] == "Processing", order
order = poll(lambda: call("get_phone_number_order", PhoneNumberOrderId=order["PhoneNumberOrderId"])["PhoneNumberOrder"],
             lambda o: o["Status"] != "Processing", "the order")
assert order["Status"] == "Successful", order
assert [o["PhoneNumberOrderId"] for o in call("list_phone_number_orders")["PhoneNumberOrders"]] == [order["PhoneNumberOrderId"]]
number = call("get_phone_number", PhoneNumberId="+12065550100")["PhoneNumber"]
assert number["PhoneNumberId"] == "%2B12065550100" and number["Status"] == "Unassigned" and number["Associations"] == [], number
call("associate_phone_number_with_user", AccountId=example, UserId=person["UserId"], E164PhoneNumber="+12065550100")
assert call("get_user", AccountId=example, UserId=person["UserId"])["User"]["PrimaryProvisionedNumber"] == "+12065550100"
assigned = call("list_phone_numbers", Status="Assigned")["PhoneNumbers"]
assert [n["E164PhoneNumber"] for n in assigned] == ["+12065550100"], assigned
errs = call("batch_delete_phone_number", PhoneNumberIds=["%2B12065550100"])["PhoneNumberErrors"]
assert [e["ErrorCode"] for e in errs] == ["PhoneNumberAssociationsExist"], errs
call("disassociate_phone_number_from_user", AccountId=example, UserId=person["UserId"])
up = call("update_phone_number", PhoneNumberId="%2B12065550101", ProductType="VoiceConnector")["PhoneNumber"]
assert up["ProductType"] == "VoiceConnector", up
assert call("batch_update_phone_number", UpdatePhoneNumberRequestItems=[
    {"PhoneNumberId": "+12065550101", "CallingName": "Front Desk"}])["PhoneNumberErrors"] == []
expect("ConflictException", "update_phone_number", PhoneNumberId="+12065550101", CallingName="Lobby")
dial = call("create_meeting_dial_out", MeetingId="5d7cbf0e-3a59-4f47-9b44-6d0f4e3e2a11", FromPhoneNumber="+12065550101",
            ToPhoneNumber="+12065550199", JoinToken="dG9rZW4")
assert len(dial["TransactionId"]) == 36, dial
call("delete_phone_number", PhoneNumberId="+12065550100")
assert call("restore_phone_number", PhoneNumberId="+12065550100")["PhoneNumber"]["Status"] == "Unassigned"
call("delete_phone_number", PhoneNumberId="+12065550100")
poll(lambda: [n["E164PhoneNumber"] for n in call("list_phone_numbers")["PhoneNumbers"]],
     lambda ns: ns == ["+12065550101"], "the release")
expect("NotFoundException", "get_phone_number", PhoneNumberId="+12065550100")
call("update_phone_number_settings", CallingName="Example Corp")
assert call("get_phone_number_settings")["CallingName"] == "Example Corp"
call("update_global_settings", VoiceConnector={"CdrBucket": "example-cdrs"})
settings = call("get_global_settings")
assert settings["VoiceConnector"] == {"CdrBucket": "example-cdrs"} and settings["BusinessCalling"] == {}, settings

# Rooms, bots, retention and redaction on the EnterpriseLWA account
example_team = call("create_account", Name="boto3 second team")["Account"]["AccountId"]
r = call("create_room", AccountId=lwa, Name="Project")["Room"]
assert r["CreatedBy"] == "arn:aws:iam::000000000000:root" and r["Name"] == "Project", r
assert call("get_room", AccountId=lwa, RoomId=r["RoomId"])["Room"]["RoomId"] == r["RoomId"]
assert call("update_room", AccountId=lwa, RoomId=r["RoomId"], Name="Renamed")["Room"]["Name"] == "Renamed"
member = call("create_room_membership", AccountId=lwa, RoomId=r["RoomId"], MemberId=lwa_user["UserId"])["RoomMembership"]
assert member["Role"] == "Member" and member["Member"]["MemberType"] == "User", member
up = call("update_room_membership", AccountId=lwa, RoomId=r["RoomId"], MemberId=lwa_user["UserId"], Role="Administrator")
assert up["RoomMembership"]["Role"] == "Administrator", up
b = call("create_bot", AccountId=lwa, DisplayName="helper", Domain="example.com")["Bot"]
assert b["DisplayName"] == "helper (Bot)" and b["BotEmail"] == "helper-chimebot@example.com" and len(b["SecurityToken"]) == 40, b
assert call("get_bot", AccountId=lwa, BotId=b["BotId"])["Bot"]["UserId"] == b["BotId"]
assert [x["BotId"] for x in call("list_bots", AccountId=lwa)["Bots"]] == [b["BotId"]]
ec = call("put_events_configuration", AccountId=lwa, BotId=b["BotId"], OutboundEventsHTTPSEndpoint="https://bot.example.com/e")
assert ec["EventsConfiguration"]["BotId"] == b["BotId"], ec
assert call("get_events_configuration", AccountId=lwa, BotId=b["BotId"])["EventsConfiguration"]["OutboundEventsHTTPSEndpoint"] == "https://bot.example.com/e"
errs = call("batch_create_room_membership", AccountId=lwa, RoomId=r["RoomId"],
            MembershipItemList=[{"MemberId": b["BotId"]}, {"MemberId": "nobody"}])["Errors"]
assert [e["ErrorCode"] for e in errs] == ["NotFound"], errs
members = call("list_room_memberships", AccountId=lwa, RoomId=r["RoomId"])["RoomMemberships"]
assert [m["Member"]["MemberType"] for m in members] == ["User", "Bot"], members
assert [x["RoomId"] for x in call("list_rooms", AccountId=lwa, MemberId=b["BotId"])["Rooms"]] == [r["RoomId"]]
call("delete_room_membership", AccountId=lwa, RoomId=r["RoomId"], MemberId=b["BotId"])
token = call("regenerate_security_token", AccountId=lwa, BotId=b["BotId"])["Bot"]["SecurityToken"]
assert token != b["SecurityToken"]
assert call("update_bot", AccountId=lwa, BotId=b["BotId"], Disabled=True)["Bot"]["Disabled"] is True
call("delete_events_configuration", AccountId=lwa, BotId=b["BotId"])
expect("NotFoundException", "get_events_configuration", AccountId=lwa, BotId=b["BotId"])
call("put_retention_settings", AccountId=lwa, RetentionSettings={"ConversationRetentionSettings": {"RetentionDays": 30}})
ret = call("get_retention_settings", AccountId=lwa)
assert ret["RetentionSettings"] == {"ConversationRetentionSettings": {"RetentionDays": 30}} and ret["InitiateDeletionTimestamp"], ret
call("redact_room_message", AccountId=lwa, RoomId=r["RoomId"], MessageId="m-1")
call("redact_conversation_message", AccountId=lwa, ConversationId="c-1", MessageId="m-2")
e = expect("ForbiddenException", "list_rooms", AccountId=example_team)
assert e.response["Error"]["Message"].startswith("Chime Account provided is not an Enterprise Chime Account"), e.response
call("delete_room", AccountId=lwa, RoomId=r["RoomId"])
expect("NotFoundException", "get_room", AccountId=lwa, RoomId=r["RoomId"])

# A wrong secret is refused
bad = boto3.client("chime", endpoint_url=endpoint, region_name="us-east-1",
                   aws_access_key_id="test", aws_secret_access_key="wrong",
                   config=Config(retries={"total_max_attempts": 1}))
try:
    bad.list_accounts()
    raise AssertionError("a wrong secret was accepted")
except bad.exceptions.ForbiddenException:
    pass

# The Go test compares this set with the implemented operations of apispec.
print("boto3 operations:", json.dumps(sorted(chime.meta.method_to_api_mapping[op] for op in used)))
