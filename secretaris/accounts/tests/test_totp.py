"""TOTP against the test vectors of RFC 6238, appendix B."""

import pytest

from secretaris.accounts import totp

SHA1_KEY = b"12345678901234567890"
SHA256_KEY = b"12345678901234567890123456789012"
SHA512_KEY = b"1234567890123456789012345678901234567890123456789012345678901234"

RFC6238 = [
    # (time, sha1, sha256, sha512), 8 digits
    (59, "94287082", "46119246", "90693936"),
    (1111111109, "07081804", "68084774", "25091201"),
    (1111111111, "14050471", "67062674", "99943326"),
    (1234567890, "89005924", "91819424", "93441116"),
    (2000000000, "69279037", "90698825", "38618901"),
    (20000000000, "65353130", "77737706", "47863826"),
]


@pytest.mark.parametrize(("at", "sha1", "sha256", "sha512"), RFC6238)
def test_it_matches_the_rfc_6238_vectors(at, sha1, sha256, sha512):
    assert totp.totp(SHA1_KEY, at, digits=8) == sha1
    assert totp.totp(SHA256_KEY, at, digits=8, digest="sha256") == sha256
    assert totp.totp(SHA512_KEY, at, digits=8, digest="sha512") == sha512


def test_it_matches_the_rfc_4226_hotp_vectors():
    expected = ["755224", "287082", "359152", "969429", "338314"]
    assert [totp.hotp(SHA1_KEY, counter) for counter in range(5)] == expected


def test_six_digits_are_the_last_six_of_the_eight():
    assert totp.totp(SHA1_KEY, 1111111109) == "081804"


def test_a_code_matches_its_own_step_and_one_step_either_side():
    at = 1111111111
    step = totp.time_step(at)
    code = totp.totp(SHA1_KEY, at)
    assert totp.matching_step(SHA1_KEY, code, at) == step
    assert totp.matching_step(SHA1_KEY, code, at + 30) == step
    assert totp.matching_step(SHA1_KEY, code, at - 30) == step


def test_a_code_two_steps_away_is_refused():
    at = 1111111111
    code = totp.totp(SHA1_KEY, at)
    assert totp.matching_step(SHA1_KEY, code, at + 60) is None
    assert totp.matching_step(SHA1_KEY, code, at - 60) is None


@pytest.mark.parametrize("code", ["", "12345", "1234567", "abcdef", "12 34 5"])
def test_malformed_codes_are_refused(code):
    assert totp.matching_step(SHA1_KEY, code, 59) is None


def test_new_secrets_are_random_160_bit_base32():
    first, second = totp.new_secret(), totp.new_secret()
    assert first != second
    assert len(totp.secret_to_bytes(first)) == 20
    assert set(first) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")


def test_secrets_decode_regardless_of_case_and_spaces():
    secret = totp.bytes_to_secret(SHA1_KEY)
    spaced = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)).lower()
    assert totp.secret_to_bytes(spaced) == SHA1_KEY


def test_the_provisioning_uri_has_what_apps_need():
    uri = totp.provisioning_uri("JBSWY3DPEHPK3PXP", "anne de vries", "Secretaris")
    assert uri.startswith("otpauth://totp/Secretaris:anne%20de%20vries?")
    assert "secret=JBSWY3DPEHPK3PXP" in uri
    assert "issuer=Secretaris" in uri
    assert "digits=6" in uri and "period=30" in uri and "algorithm=SHA1" in uri
