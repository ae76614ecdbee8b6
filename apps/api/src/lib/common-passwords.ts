// A small bundled list of the passwords (and base words) seen most often in public breach
// corpora. The policy also strips leading/trailing digits and symbols before the lookup, so
// "Password2024!" is caught by "password".
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  `
123456 123456789 12345678 1234567890 12345 1234567 password qwerty abc123 111111 123123 1q2w3e4r
qwertyuiop qwerty123 1q2w3e4r5t 1qaz2wsx zaq12wsx qazwsx qwertyui asdfghjkl asdfgh zxcvbnm
iloveyou admin administrator welcome letmein monkey dragon football baseball basketball soccer
hockey master sunshine princess shadow superman batman trustno1 starwars whatever freedom
michael jennifer jordan hunter ranger buster thomas robert charlie daniel jessica ashley
pokemon computer internet secret access passw0rd p@ssw0rd p@ssword pa55word password1
changeme default guest root toor login user test tester testing changeit temp temporary
summer winter spring autumn january february march april august september october november
december monday friday weekend holiday chocolate cookie cheese banana orange apple
killer pepper ginger tigger loveme lovely flower hello hello123 goodbye matrix mustang
corvette ferrari porsche mercedes harley yamaha samsung google microsoft apple123 facebook
linkedin youtube twitter instagram snapchat minecraft fortnite roblox playstation xbox nintendo
qweasdzxc asdasd qwe123 zxc123 aaaaaa abcdef abcdefg abcdefgh abcd1234 a1b2c3 a1b2c3d4
000000 121212 123321 654321 666666 696969 777777 7777777 888888 987654321 112233 159753
147258369 123654 1111111111 0987654321 11111111 88888888 99999999 00000000 12341234
iloveyou1 princess1 sunshine1 football1 monkey123 dragon123 welcome1 welcome123 admin123
admin1234 root123 letmein1 master123 superuser supervisor manager office company business
security cybersecurity firewall database server cloud amazon bucket storage upload uploads
s3access s3manager accessmanager correcthorsebatterystaple trustnoone nopassword
`
    .split(/\s+/)
    .filter(Boolean),
);
