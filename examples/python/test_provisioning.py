"""Provisioning code tested against chime: copy this file and conftest.py
into your project and point CHIME_BIN at the chime binary."""

import pytest
from botocore.exceptions import ClientError

from conftest import EXAMPLE_ACCOUNT


def provision(chime, emails):
    """The code under test: creates a user for each address, skipping those
    that exist, and returns the ids of the new ones."""
    created = []
    for email in emails:
        try:
            user = chime.create_user(AccountId=EXAMPLE_ACCOUNT, Email=email, UserType="PrivateUser")
        except ClientError as e:
            if e.response["Error"]["Code"] == "ConflictException":
                continue
            raise
        created.append(user["User"]["UserId"])
    return created


def test_provision_creates_each_user_once(chime, journal):
    assert len(provision(chime, ["a@example.com", "b@example.com"])) == 2
    assert provision(chime, ["a@example.com", "c@example.com"]) != []
    calls = journal("CreateUser")
    assert [c["Status"] for c in calls] == [201, 201, 409, 201]
    assert calls[2]["ErrorCode"] == "ConflictException"
    assert "a@example.com" not in calls[2]["Parameters"]  # masked


def test_each_test_starts_from_the_start_state(chime):
    # The users of the test above are gone: the fixture reset the server.
    users = chime.list_users(AccountId=EXAMPLE_ACCOUNT)["Users"]
    assert users == []


def test_paging_through_users(chime):
    provision(chime, [f"user{i}@example.com" for i in range(12)])
    pages = chime.get_paginator("list_users").paginate(
        AccountId=EXAMPLE_ACCOUNT, PaginationConfig={"PageSize": 5})
    assert [len(p["Users"]) for p in pages] == [5, 5, 2]


def test_a_modelled_error(chime):
    with pytest.raises(ClientError) as e:
        chime.get_user(AccountId=EXAMPLE_ACCOUNT, UserId="no-such-user")
    assert e.value.response["Error"]["Code"] == "NotFoundException"
    assert e.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404


def test_the_seeds_example(chime):
    out = chime.create_user(AccountId=EXAMPLE_ACCOUNT, Email="roomdevice@example.com", UserType="SharedDevice")
    assert out["User"]["DisplayName"] == "Room Device"
    assert out["User"]["UserRegistrationStatus"] == "Registered"
