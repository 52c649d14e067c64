#!/usr/bin/env python3
"""Drives the pages of a freshly bootstrapped SilkGrant as the operator's people would (docs/operations.md,
"First start"): the system admin signs in with the one-time password, enrols a TOTP app and chooses a password,
creates the security admin, the audit admin and the first program officer; each of them signs in and enrols;
the program officer opens the call; the audit admin verifies the audit chain. It computes the TOTP codes from the
secret the enrolment page shows, as an authenticator app would. Standard library only.

    python3 first-start-check.py --base http://127.0.0.1:8080 --admin wang.sysadmin --password '<one-time password>'
"""
import argparse, base64, datetime, hashlib, hmac, html, http.cookiejar, re, struct, sys, time, urllib.error, \
    urllib.parse, urllib.request


def totp(secret, at=None, step=0):
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    counter = int((at or time.time()) // 30) + step
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


class Browser:
    """A cookie jar and form posts with the page's CSRF token; redirects are followed."""

    def __init__(self, base):
        self.base = base.rstrip("/")
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path):
        with self.opener.open(self.base + path, timeout=60) as r:
            return r.geturl(), r.read().decode()

    def post(self, path, form, token_page):
        token = re.search(r'name="_csrf" value="([^"]+)"', token_page)
        data = dict(form, _csrf=html.unescape(token.group(1)))
        req = urllib.request.Request(self.base + path, data=urllib.parse.urlencode(data).encode(), method="POST")
        with self.opener.open(req, timeout=60) as r:
            return r.geturl(), r.read().decode()


def step(ok, what):
    print(("  ok    " if ok else "  FAIL  ") + what)
    if not ok:
        sys.exit(1)


def sign_in_and_enrol(base, username, password):
    b = Browser(base)
    _, page = b.get("/login")
    url, page = b.post("/login", {"username": username, "password": password}, page)
    step(url.endswith("/mfa"), f"{username}: password accepted, sent to the second factor ({url})")
    secret = re.search(r'id="mfa-secret">([A-Z2-7]+)<', page).group(1)
    url, page = b.post("/mfa", {"code": totp(secret)}, page)
    return b, secret, url, page


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", required=True)
    p.add_argument("--admin", required=True)
    p.add_argument("--password", required=True, help="the one-time password the bootstrap printed")
    p.add_argument("--new-password", default="Tianchi#Lake2026")
    a = p.parse_args()

    print("1. the first system admin")
    admin, _, url, page = sign_in_and_enrol(a.base, a.admin, a.password)
    step(url.endswith("/account?changePassword") and 'id="must-change-password"' in page,
         f"TOTP enrolled; held on the account page to change the one-time password ({url})")
    url, page = admin.post("/account/password", {"currentPassword": a.password, "newPassword": a.new_password,
                                                   "repeatPassword": a.new_password}, page)
    step(url.endswith("/account") and 'id="must-change-password"' not in page, "password changed")

    print("2. the three duties and the first program officer, from /admin/staff")
    staff = [("zhao.secadmin", "赵安全管理员", "SECURITY_ADMIN"), ("qian.auditadmin", "钱审计管理员", "AUDIT_ADMIN"),
             ("sun.officer", "孙项目管理员", "PROGRAM_OFFICER")]
    initial = "Bogda#Peak2026"
    for username, name, role in staff:
        _, page = admin.get("/admin/staff")
        url, page = admin.post("/admin/staff", {"username": username, "fullName": name, "role": role,
                                                 "email": username + "@example.gov.cn", "phone": "",
                                                 "password": initial}, page)
        step(url.endswith("/admin/staff") and f'data-username="{username}"' in page, f"created {username} ({role})")
    _, page = admin.get("/admin/staff")
    url, page = admin.post("/admin/staff", {"username": "li.both", "fullName": "李兼任", "role": "EXPERT",
                                             "email": "", "phone": "", "password": initial}, page)
    step('data-username="li.both"' in page, "created an expert account li.both")

    print("3. each signs in and enrols a TOTP app")
    people = {}
    for username, _, role in staff:
        b, secret, url, page = sign_in_and_enrol(a.base, username, initial)
        step(url.endswith("/dashboard"), f"{username} passed the second factor")
        people[role] = (b, secret)

    print("4. the security admin: roles kept apart by the separation-of-duties table")
    sec, _ = people["SECURITY_ADMIN"]
    _, page = sec.get("/admin/security")
    ident = re.search(r'data-username="li.both".*?/admin/security/users/(\d+)/roles', page, re.S).group(1)
    url, page = sec.post(f"/admin/security/users/{ident}/roles", {"roles": "PROGRAM_OFFICER"}, page)
    step('id="notice"' in page, "li.both's role changed from expert to program officer")
    data = urllib.parse.urlencode([("roles", "PROGRAM_OFFICER"), ("roles", "EXPERT"),
                                   ("_csrf", html.unescape(re.search(r'name="_csrf" value="([^"]+)"', page).group(1)))])
    with sec.opener.open(urllib.request.Request(a.base + f"/admin/security/users/{ident}/roles", data=data.encode(),
                                                method="POST"), timeout=60) as r:
        page = r.read().decode()
    step("不能由同一账号担任" in page, "program officer + expert refused, both named: "
         + re.search(r'id="alert"[^>]*>([^<]+)<', page).group(1))

    print("5. the program officer opens the call")
    off, _ = people["PROGRAM_OFFICER"]
    _, page = off.get("/calls/2023-SCO")
    version = re.search(r'name="version" value="(\d+)"', page).group(1)
    now = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8)))
    opens = (now - datetime.timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M")
    deadline = (now + datetime.timedelta(days=45)).replace(hour=18, minute=0).strftime("%Y-%m-%dT%H:%M")
    url, page = off.post("/calls/2023-SCO/schedule", {"opensAt": opens, "deadline": deadline, "version": version}, page)
    step("alert-danger" not in page, f"schedule saved: opens {opens}, deadline {deadline} (Beijing time)")
    with urllib.request.urlopen(a.base + "/api/v1/calls", timeout=60) as r:
        calls = r.read().decode()
    step('"status":"OPEN"' in calls, "GET /api/v1/calls: " + calls)

    print("6. the audit admin verifies the audit chain")
    aud, _ = people["AUDIT_ADMIN"]
    _, page = aud.get("/audit")
    step("ACCOUNT_BOOTSTRAPPED" in page, "the audit record lists the bootstrap")
    url, page = aud.post("/audit/verification", {}, page)
    result = re.search(r'id="verification-result"[^>]*>(.*?)</div>', page, re.S)
    step(result is not None and "alert-success" in page, "chain verified: "
         + re.sub(r"\s+", " ", html.unescape(result.group(1) if result else page[:200])).strip())
    print("done")


if __name__ == "__main__":
    main()
